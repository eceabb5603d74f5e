-- The reference roles and permissions of the contract (seed.md). Later changes are new
-- migrations, never edits of this one.
INSERT INTO `permissions` (`name`, `description`) VALUES
  ('view_stocks', 'Read instruments, quotes, history and search'),
  ('manage_own_profile', 'Change one''s own profile'),
  ('manage_own_watchlist', 'Change one''s own watchlist'),
  ('view_users', 'Read any user'),
  ('manage_roles', 'Read roles, grant and revoke roles');
--> statement-breakpoint
INSERT INTO `roles` (`name`, `description`) VALUES
  ('member', 'Every signed-up user: stocks, own profile and watchlist'),
  ('admin', 'Everything a member has, plus reading users and managing roles');
--> statement-breakpoint
INSERT INTO `role_permissions` (`role`, `permission`) VALUES
  ('member', 'view_stocks'),
  ('member', 'manage_own_profile'),
  ('member', 'manage_own_watchlist'),
  ('admin', 'view_stocks'),
  ('admin', 'manage_own_profile'),
  ('admin', 'manage_own_watchlist'),
  ('admin', 'view_users'),
  ('admin', 'manage_roles');
