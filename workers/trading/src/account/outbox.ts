/**
 * The outbox: every change writes its event (events/event.ts) in the change's own
 * transaction, so an event exists exactly when its change does; the Durable Object sends
 * the pending ones after the commit and deletes them once the queue took them.
 */
import { CASH_SCALE, formatDecimal, formatTrimmed, UNIT_SCALE } from "../../../../shared/decimal";
import type { AccountFigures, TradingEvent, TradingEventKind } from "../events/event";
import { orderState, type AccountRecord, type OrderRecord } from "./records";
import { readAccount, readPositions } from "./state";
import type { Clock } from "./clock";
import { text, type Sql } from "./sql";

/** sendBatch takes at most 100 messages. */
export const OUTBOX_BATCH = 100;

export function accountFigures(sql: Sql, account: AccountRecord): AccountFigures {
  return {
    cash: formatDecimal(account.cash, CASH_SCALE),
    netDeposits: formatDecimal(account.netDeposits, CASH_SCALE),
    since: account.resetAt ?? account.createdAt,
    onLeaderboard: account.onLeaderboard,
    positions: readPositions(sql).map((p) => ({ symbol: p.symbol, quantity: formatTrimmed(p.quantity, UNIT_SCALE) })),
  };
}

/** The account's change counter goes up by one with each event (the read model keeps the highest). */
function nextVersion(sql: Sql): AccountRecord {
  sql.exec("UPDATE account SET version = version + 1");
  return readAccount(sql)!;
}

/** Writes the event of a change just made (inside its transaction). */
export function recordEvent(sql: Sql, clock: Clock, kind: TradingEventKind, order?: OrderRecord): TradingEvent {
  const account = nextVersion(sql);
  const event: TradingEvent = {
    eventId: clock.newId(),
    kind,
    accountId: account.id,
    userId: account.userId,
    version: account.version,
    at: clock.now.toISOString(),
    ...(order ? { order: orderState(order) } : {}),
    account: accountFigures(sql, account),
  };
  enqueue(sql, event);
  return event;
}

/** An event waits in the outbox until the queue takes it. */
export const enqueue = (sql: Sql, event: TradingEvent): void => {
  sql.exec("INSERT INTO outbox (event_id, body) VALUES (?, ?)", event.eventId, JSON.stringify(event));
};

/** The event that says the account is gone (sent before the storage is wiped). */
export function removalEvent(account: AccountRecord, clock: Clock): TradingEvent {
  return {
    eventId: clock.newId(),
    kind: "ACCOUNT_REMOVED",
    accountId: account.id,
    userId: account.userId,
    version: account.version + 1,
    at: clock.now.toISOString(),
    account: null,
  };
}

export interface PendingEvent {
  seq: number;
  event: TradingEvent;
}

export const pendingEvents = (sql: Sql, limit = OUTBOX_BATCH): PendingEvent[] =>
  sql.exec("SELECT seq, body FROM outbox ORDER BY seq LIMIT ?", limit).map((row) => ({ seq: Number(row.seq), event: JSON.parse(text(row.body)) as TradingEvent }));

/** Forgets what the queue took. */
export const markSent = (sql: Sql, seqs: number[]): void => {
  for (const seq of seqs) sql.exec("DELETE FROM outbox WHERE seq = ?", seq);
};
