/** Reads of the account's state, over the ledger's SQL interface (sql.ts). */
import type { OrderStatus } from "../contract";
import { accountRecord, activityRecord, orderRecord, type AccountRecord, type ActivityRecord, type OrderRecord, type PositionRecord } from "./records";
import { big, first, text, type Row, type Sql } from "./sql";

export function readAccount(sql: Sql): AccountRecord | null {
  const row = first(sql.exec("SELECT * FROM account"));
  return row ? accountRecord(row) : null;
}

/** What open buy orders hold back from cash. */
export const reservedCash = (sql: Sql): bigint =>
  big(sql.exec("SELECT COALESCE(SUM(reserved), 0) AS reserved FROM orders WHERE status = 'OPEN'")[0]!.reserved);

/** trading.md: cash minus the cash that open buy orders reserve. */
export const buyingPower = (sql: Sql, account: AccountRecord): bigint => account.cash - reservedCash(sql);

export const openOrderCount = (sql: Sql): number => Number(sql.exec("SELECT COUNT(*) AS n FROM orders WHERE status = 'OPEN'")[0]!.n);

const POSITIONS = `
  SELECT p.symbol, p.quantity, p.cost_basis,
         p.quantity - COALESCE((SELECT SUM(o.quantity) FROM orders o WHERE o.status = 'OPEN' AND o.side = 'SELL' AND o.symbol = p.symbol), 0) AS available
  FROM positions p`;

const positionRecord = (row: Row): PositionRecord => ({
  symbol: text(row.symbol),
  quantity: big(row.quantity),
  costBasis: big(row.cost_basis),
  available: big(row.available),
});

export const readPositions = (sql: Sql): PositionRecord[] => sql.exec(`${POSITIONS} WHERE p.quantity > 0 ORDER BY p.symbol`).map(positionRecord);

/** The symbol's position, a zero one when none is held. */
export function readPosition(sql: Sql, symbol: string): PositionRecord {
  const row = first(sql.exec(`${POSITIONS} WHERE p.symbol = ?`, symbol));
  return row ? positionRecord(row) : { symbol, quantity: 0n, costBasis: 0n, available: 0n };
}

export function readOrder(sql: Sql, orderId: string): OrderRecord | null {
  const row = first(sql.exec("SELECT * FROM orders WHERE id = ?", orderId));
  return row ? orderRecord(row) : null;
}

export function readOrderByClientId(sql: Sql, clientOrderId: string): OrderRecord | null {
  const row = first(sql.exec("SELECT * FROM orders WHERE client_order_id = ?", clientOrderId));
  return row ? orderRecord(row) : null;
}

/** Open orders the symbol book has not taken yet (its track call failed). */
export const readUntrackedOrders = (sql: Sql): OrderRecord[] => sql.exec("SELECT * FROM orders WHERE status = 'OPEN' AND tracked = 0 ORDER BY seq").map(orderRecord);

export const readOpenOrders = (sql: Sql): OrderRecord[] => sql.exec("SELECT * FROM orders WHERE status = 'OPEN' ORDER BY seq").map(orderRecord);

/** Newest first, after the `after` sequence number (exclusive); one more than asked, to know whether a next page exists. */
export function ordersAfter(sql: Sql, limit: number, after: number | null, status: OrderStatus | null): OrderRecord[] {
  return sql
    .exec(
      "SELECT * FROM orders WHERE (? IS NULL OR seq < ?) AND (? IS NULL OR status = ?) ORDER BY seq DESC LIMIT ?",
      after,
      after,
      status,
      status,
      limit,
    )
    .map(orderRecord);
}

export function activityAfter(sql: Sql, limit: number, after: number | null): ActivityRecord[] {
  return sql.exec("SELECT * FROM activity WHERE (? IS NULL OR seq < ?) ORDER BY seq DESC LIMIT ?", after, after, limit).map(activityRecord);
}

/** The activity since `seq` (inclusive), oldest first: the equity history's ledger. */
export const activitySince = (sql: Sql, seq: number): ActivityRecord[] =>
  sql.exec("SELECT * FROM activity WHERE seq >= ? ORDER BY seq", seq).map(activityRecord);

/** The entry that began the current life of the account: its opening or its last reset. */
export const lastBeginning = (sql: Sql): ActivityRecord | null => {
  const row = first(sql.exec("SELECT * FROM activity WHERE kind IN ('OPENING_CASH', 'RESET') ORDER BY seq DESC LIMIT 1"));
  return row ? activityRecord(row) : null;
};

/** The earliest expiry among open orders (epoch ms). */
export function nextExpiry(sql: Sql): number | null {
  const value = sql.exec("SELECT MIN(expires_at) AS at FROM orders WHERE status = 'OPEN' AND expires_at IS NOT NULL")[0]?.at;
  return typeof value === "number" ? value : null;
}
