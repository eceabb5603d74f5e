-- `trade` came after the first release (seed.md): a new permission, granted to both roles.
INSERT INTO `permissions` (`name`, `description`) VALUES
  ('trade', 'Run one''s own paper-trading account');
--> statement-breakpoint
INSERT INTO `role_permissions` (`role`, `permission`) VALUES
  ('member', 'trade'),
  ('admin', 'trade');
--> statement-breakpoint
UPDATE `roles` SET `description` = 'Every signed-up user: stocks, own profile, watchlist and paper trading' WHERE `name` = 'member';
