CREATE TABLE `bar_coverage` (
	`symbol` text PRIMARY KEY NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`checked_at` integer NOT NULL
);
