CREATE TABLE `daily_bars` (
	`symbol` text NOT NULL,
	`date` text NOT NULL,
	`open` real NOT NULL,
	`high` real NOT NULL,
	`low` real NOT NULL,
	`close` real NOT NULL,
	`volume` real NOT NULL,
	PRIMARY KEY(`symbol`, `date`)
);
--> statement-breakpoint
CREATE TABLE `instruments` (
	`symbol` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`exchange` text NOT NULL,
	`exchange_full_name` text NOT NULL,
	`currency` text NOT NULL,
	`instrument_type` text NOT NULL,
	`refreshed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `instruments_name_idx` ON `instruments` (`name`);--> statement-breakpoint
CREATE TABLE `last_quotes` (
	`symbol` text PRIMARY KEY NOT NULL,
	`quote` text NOT NULL,
	`as_of` text NOT NULL,
	`fetched_at` integer NOT NULL
);
