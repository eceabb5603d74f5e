CREATE TABLE `profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `watchlist_items` (
	`user_id` text NOT NULL,
	`symbol` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `symbol`)
);
--> statement-breakpoint
CREATE INDEX `watchlist_items_user_added_idx` ON `watchlist_items` (`user_id`,`added_at`);