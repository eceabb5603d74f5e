/** The account's answers to reads: its state, an order, and the cursor pages (newest first). */
import { CASH_SCALE, formatDecimal } from "../../../../shared/decimal";
import { failure, success, type RpcResult } from "../../../../shared/rpc";
import type { AccountState, ActivityEntryState, OrderState, OrderStatus, Page } from "../contract";
import { accountState, orderState, type AccountRecord } from "./records";
import { easternTime } from "../../../../shared/exchange-calendar";
import type { LedgerDay } from "./equity";
import { activityAfter, activitySince, buyingPower, lastBeginning, ordersAfter, readAccount, readOrder, readPositions } from "./state";
import type { Sql } from "./sql";

export const accountView = (sql: Sql, account: AccountRecord): AccountState =>
  accountState(account, buyingPower(sql, account), readPositions(sql));

export function currentAccount(sql: Sql): AccountState | null {
  const account = readAccount(sql);
  return account ? accountView(sql, account) : null;
}

/** A cursor is the entry's sequence number as text: positive digits only. */
export function parseCursor(after: string | null | undefined): RpcResult<number | null> {
  if (after === null || after === undefined) return success(null);
  if (!/^[1-9]\d{0,15}$/.test(after)) return failure("BAD_USER_INPUT", "Invalid input: after is not a cursor of this list", [{ field: "after", message: "is not a cursor of this list" }]);
  return success(Number(after));
}

const formatCash = (value: bigint): string => formatDecimal(value, CASH_SCALE);

function pageOf<T extends { seq: number }, N>(rows: T[], first: number, node: (row: T) => N): Page<N> {
  const shown = rows.slice(0, first);
  return {
    edges: shown.map((row) => ({ cursor: String(row.seq), node: node(row) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: shown.length ? String(shown.at(-1)!.seq) : null },
  };
}

export function ordersPage(sql: Sql, first: number, after: number | null, status: OrderStatus | null): Page<OrderState> {
  return pageOf(ordersAfter(sql, first + 1, after, status), first, orderState);
}

export function activityPage(sql: Sql, first: number, after: number | null): Page<ActivityEntryState> {
  return pageOf(activityAfter(sql, first + 1, after), first, (entry) => {
    const order = entry.orderId ? readOrder(sql, entry.orderId) : null;
    return {
      id: entry.id,
      kind: entry.kind,
      amount: formatCash(entry.amount),
      cashAfter: formatCash(entry.cashAfter),
      order: order ? orderState(order) : null,
      at: entry.at,
    };
  });
}

/** The ledger since the opening or the last reset, as equityHistory reads it (each entry on its New York date). */
export function equityLedger(sql: Sql): LedgerDay[] {
  const beginning = lastBeginning(sql);
  if (!beginning) return [];
  return activitySince(sql, beginning.seq).map((entry) => {
    const order = entry.orderId ? readOrder(sql, entry.orderId) : null;
    const fill = order && order.fillPrice !== null ? { symbol: order.symbol, quantity: order.side === "BUY" ? order.quantity : -order.quantity, price: order.fillPrice } : null;
    return { date: easternTime(new Date(entry.at)).date, cashAfter: entry.cashAfter, fill };
  });
}
