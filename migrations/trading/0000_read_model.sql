CREATE TABLE `account_figures` (
	`account_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`version` integer NOT NULL,
	`cash` text NOT NULL,
	`net_deposits` text NOT NULL,
	`since` text NOT NULL,
	`on_leaderboard` integer NOT NULL,
	`positions` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `account_figures_leaderboard_idx` ON `account_figures` (`on_leaderboard`);--> statement-breakpoint
CREATE TABLE `applied_events` (
	`event_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`applied_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dead_events` (
	`message_id` text PRIMARY KEY NOT NULL,
	`event_id` text,
	`kind` text,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`error` text,
	`dead_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `failing_events` (
	`event_key` text PRIMARY KEY NOT NULL,
	`attempts` integer NOT NULL,
	`error` text NOT NULL,
	`last_failed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `leaderboard` (
	`rank` integer PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`user_id` text NOT NULL,
	`total_return_percent` real NOT NULL,
	`since` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `read_model_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `removed_accounts` (
	`account_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`removed_at` text NOT NULL
);
