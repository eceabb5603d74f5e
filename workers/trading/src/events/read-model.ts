/**
 * Applying one trading event to the D1 read model (trading.md "Events"): at least once and
 * in any order in, each event once and each account's newest figures out. One D1 batch is
 * one transaction, so the figures change exactly when the event id is first recorded.
 */
import { sql } from "drizzle-orm";
import * as v from "valibot";
import { CASH_SCALE, parseDecimal, UNIT_SCALE } from "../../../../shared/decimal";
import type { Db } from "../../../../shared/d1";
import { accountFigures, appliedEvents, leaderboard, removedAccounts } from "../db/schema";
import type { TradingEvent, TradingEventKind } from "./event";

const KINDS: readonly TradingEventKind[] = [
  "ACCOUNT_OPENED",
  "DEPOSITED",
  "ACCOUNT_RESET",
  "ORDER_PLACED",
  "ORDER_FILLED",
  "ORDER_CANCELED",
  "ORDER_EXPIRED",
  "ORDER_REJECTED",
  "VISIBILITY_CHANGED",
  "ACCOUNT_REMOVED",
];

const decimal = (scale: number) => v.pipe(v.string(), v.check((text) => parseDecimal(text, scale) !== null, `must be decimal text with at most ${scale} places`));

const Figures = v.object({
  cash: decimal(CASH_SCALE),
  netDeposits: decimal(CASH_SCALE),
  since: v.pipe(v.string(), v.isoTimestamp()),
  onLeaderboard: v.boolean(),
  positions: v.array(v.object({ symbol: v.pipe(v.string(), v.minLength(1)), quantity: decimal(UNIT_SCALE) })),
});

/** What the consumer needs of an event; the rest (the order) passes through unread. */
const EventShape = v.object({
  eventId: v.pipe(v.string(), v.minLength(1)),
  kind: v.picklist(KINDS),
  accountId: v.pipe(v.string(), v.minLength(1)),
  userId: v.pipe(v.string(), v.minLength(1)),
  version: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  at: v.string(),
  account: v.nullable(Figures),
});

export type AppliedEvent = v.InferOutput<typeof EventShape>;

/** The event, or a throw naming what is wrong with it (the message is then retried and dead-lettered). */
export function parseEvent(body: unknown): AppliedEvent {
  const parsed = v.safeParse(EventShape, body);
  if (parsed.success) return parsed.output;
  const problems = parsed.issues.map((issue) => `${issue.path?.map((p) => String(p.key)).join(".") ?? "event"}: ${issue.message}`);
  throw new Error(`malformed trading event: ${problems.join("; ")}`);
}

/** The statements that apply `event` once; run them as one `db.batch`. */
export function applyEventStatements(db: Db, event: AppliedEvent | TradingEvent, appliedAt: string) {
  const notApplied = sql`not exists (select 1 from ${appliedEvents} where ${appliedEvents.eventId} = ${event.eventId})`;
  const record = db.insert(appliedEvents).values({ eventId: event.eventId, accountId: event.accountId, appliedAt }).onConflictDoNothing();
  if (event.kind === "ACCOUNT_REMOVED" || event.account === null) {
    return [
      db
        .insert(removedAccounts)
        .values({ accountId: event.accountId, version: event.version, removedAt: appliedAt })
        .onConflictDoUpdate({ target: removedAccounts.accountId, set: { version: sql`max(${removedAccounts.version}, excluded.version)` } }),
      db.delete(accountFigures).where(sql`${accountFigures.accountId} = ${event.accountId}`),
      // Gone from the ranking at once, not at the next refresh: the user deleted the account.
      db.delete(leaderboard).where(sql`${leaderboard.accountId} = ${event.accountId}`),
      record,
    ] as const;
  }
  const figures = event.account;
  const notRemoved = sql`not exists (select 1 from ${removedAccounts} where ${removedAccounts.accountId} = ${event.accountId})`;
  const row = sql`select ${event.accountId}, ${event.userId}, ${event.version}, ${figures.cash}, ${figures.netDeposits}, ${figures.since},
    ${figures.onLeaderboard ? 1 : 0}, ${JSON.stringify(figures.positions)} where ${notApplied} and ${notRemoved}`;
  const newer = (column: string) => sql.raw(`excluded.${column}`);
  const upsert = db
    .insert(accountFigures)
    .select(row)
    .onConflictDoUpdate({
      target: accountFigures.accountId,
      set: {
        userId: newer("user_id"),
        version: newer("version"),
        cash: newer("cash"),
        netDeposits: newer("net_deposits"),
        since: newer("since"),
        onLeaderboard: newer("on_leaderboard"),
        positions: newer("positions"),
      },
      // Out of order: a late, older event never rolls the account back.
      setWhere: sql`excluded.version > ${accountFigures.version}`,
    });
  return [upsert, record] as const;
}

/** Applies `event` once (a no-op for an event id already applied). */
export async function applyEvent(db: Db, event: AppliedEvent, appliedAt: string): Promise<void> {
  const [first, ...rest] = applyEventStatements(db, event, appliedAt);
  await db.batch([first, ...rest]);
}
