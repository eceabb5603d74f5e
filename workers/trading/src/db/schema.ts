/**
 * The trading read model (D1 TRADING_DB): what crosses accounts, built only from the events
 * queue (trading.md "Events"); each account's Durable Object stays the source of truth.
 * Decimals are text (shared/decimal.ts), never REAL; the one float is the ranked percentage,
 * which the contract serves as a Float.
 */
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Every event id applied, written in the same D1 batch as its change: a redelivery is a no-op. */
export const appliedEvents = sqliteTable("applied_events", {
  eventId: text("event_id").primaryKey(),
  accountId: text("account_id").notNull(),
  appliedAt: text("applied_at").notNull(),
});

/** Each account's figures from the highest-version event seen (AccountFigures of event.ts). */
export const accountFigures = sqliteTable(
  "account_figures",
  {
    accountId: text("account_id").primaryKey(),
    userId: text("user_id").notNull(),
    version: integer("version").notNull(),
    cash: text("cash").notNull(),
    netDeposits: text("net_deposits").notNull(),
    since: text("since").notNull(),
    onLeaderboard: integer("on_leaderboard", { mode: "boolean" }).notNull(),
    positions: text("positions", { mode: "json" }).$type<{ symbol: string; quantity: string }[]>().notNull(),
  },
  (t) => [index("account_figures_leaderboard_idx").on(t.onLeaderboard)],
);

/** Accounts removed (ACCOUNT_REMOVED) at a version: a late older event never brings one back. */
export const removedAccounts = sqliteTable("removed_accounts", {
  accountId: text("account_id").primaryKey(),
  version: integer("version").notNull(),
  removedAt: text("removed_at").notNull(),
});

/** The ranking as last refreshed (a whole replacement each time). */
export const leaderboard = sqliteTable("leaderboard", {
  rank: integer("rank").primaryKey(),
  accountId: text("account_id").notNull(),
  userId: text("user_id").notNull(),
  totalReturnPercent: real("total_return_percent").notNull(),
  since: text("since").notNull(),
});

/** Small facts of the read model: when the leaderboard was last refreshed. */
export const readModelState = sqliteTable("read_model_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** Events the consumer gave up on (the dead-letter queue's consumer keeps them here). */
export const deadEvents = sqliteTable("dead_events", {
  messageId: text("message_id").primaryKey(),
  eventId: text("event_id"),
  kind: text("kind"),
  body: text("body").notNull(),
  /** Deliveries to the events consumer before it was given up on. */
  attempts: integer("attempts").notNull(),
  /** The consumer's last error. */
  error: text("error"),
  deadAt: text("dead_at").notNull(),
});

/**
 * Events that failed and wait for their retry: how often and why, so the dead letter it may
 * become says both (a dead-letter queue restarts a message's attempts at 1).
 */
export const failingEvents = sqliteTable("failing_events", {
  /** The event id, or the raw body when it has none. */
  eventKey: text("event_key").primaryKey(),
  attempts: integer("attempts").notNull(),
  error: text("error").notNull(),
  lastFailedAt: text("last_failed_at").notNull(),
});
