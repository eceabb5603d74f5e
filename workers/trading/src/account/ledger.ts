/**
 * The account's decisions (trading.md), as functions over the SQL interface (sql.ts). Each
 * runs inside ONE transaction its caller opens, after every external input (the quote,
 * the instrument) has been gathered: it re-reads what it decides on, decides and writes
 * the order, the activity, the position and the outbox event, with nothing awaited.
 */
import { cashAmount, divideRounded } from "../../../../shared/decimal";
import { failure, success, type RpcResult } from "../../../../shared/rpc";
import { MAX_OPEN_ORDERS, type OrderReason } from "../contract";
import type { TradingEventKind } from "../events/event";
import type { MatchOutcome } from "../book/protocol";
import { fillsAt, stopReached, type Trigger } from "../matching";
import type { Clock } from "./clock";
import { expiresAt, expiryReason } from "./expiry";
import { recordEvent } from "./outbox";
import type { AccountRecord, OrderRecord } from "./records";
import { buyingPower, openOrderCount, readAccount, readOpenOrders, readOrder, readOrderByClientId, readPosition } from "./state";
import { sqlInt, sqlIntOrNull, type Sql } from "./sql";

export type TradingHours = "always" | "exchange";

export interface Venue {
  tradingHours: TradingHours;
  /** STARTING_CASH in cents. */
  startingCash: bigint;
}

/** The symbol's quote at scale 4 (shared/decimal.ts fromQuotePrice, converted once). */
export interface MarketQuote {
  price: bigint;
  marketState: string;
}

/** What the stock service said about the symbol just before the decision. */
export interface MarketFacts {
  /** null: no such instrument (an unknown symbol). */
  instrumentType: string | null;
  /** null: no quote can be had. */
  quote: MarketQuote | null;
}

/** An order as placeOrder's arguments give it: the record's own fields, before the ledger decides the rest. */
export type NewOrder = Pick<OrderRecord, "symbol" | "side" | "type" | "timeInForce" | "quantity" | "limitPrice" | "stopPrice" | "clientOrderId">;

/** 10,000,000.00: deposits may not take cash beyond it. */
const MAX_CASH = 1_000_000_000n;
const TRADABLE_TYPES: readonly string[] = ["EQUITY", "ETF"];

export const NO_ACCOUNT = "The user has no trading account";
export const noAccount = <T>(): RpcResult<T> => failure("NOT_FOUND", NO_ACCOUNT);

/** trading.md "Trading hours": `exchange` matches only during the regular session. */
export const canMatch = (venue: Venue, marketState: string): boolean => venue.tradingHours === "always" || marketState === "REGULAR";

const asTrigger = (order: OrderRecord): Trigger => ({
  side: order.side,
  type: order.type,
  limitPrice: order.limitPrice,
  stopPrice: order.stopPrice,
  triggered: order.triggeredAt !== null,
});

/** What an open buy order holds back: LIMIT and STOP_LIMIT quantity * limit, STOP quantity * stop, to the cent. */
export function reservationOf(order: Pick<NewOrder, "side" | "type" | "quantity" | "limitPrice" | "stopPrice">): bigint {
  if (order.side !== "BUY") return 0n;
  switch (order.type) {
    case "MARKET":
      return 0n;
    case "LIMIT":
    case "STOP_LIMIT":
      return cashAmount(order.quantity, order.limitPrice!);
    case "STOP":
      return cashAmount(order.quantity, order.stopPrice!);
  }
}

function appendActivity(sql: Sql, clock: Clock, kind: string, amount: bigint, orderId: string | null): void {
  sql.exec("UPDATE account SET cash = cash + ?", sqlInt(amount));
  const cash = readAccount(sql)!.cash;
  sql.exec(
    "INSERT INTO activity (id, kind, amount, cash_after, order_id, at) VALUES (?, ?, ?, ?, ?, ?)",
    clock.newId(),
    kind,
    sqlInt(amount),
    sqlInt(cash),
    orderId,
    clock.now.toISOString(),
  );
}

/** Opens the account with the starting cash; a second call changes nothing. */
export function openAccount(sql: Sql, userId: string, venue: Venue, clock: Clock): AccountRecord {
  const existing = readAccount(sql);
  if (existing) return existing;
  const at = clock.now.toISOString();
  sql.exec(
    `INSERT INTO account (singleton, id, user_id, cash, net_deposits, realized_pnl, on_leaderboard, created_at, reset_at, version)
     VALUES (1, ?, ?, 0, ?, 0, 0, ?, NULL, 0)`,
    clock.newId(),
    userId,
    sqlInt(venue.startingCash),
    at,
  );
  appendActivity(sql, clock, "OPENING_CASH", venue.startingCash, null);
  recordEvent(sql, clock, "ACCOUNT_OPENED");
  return readAccount(sql)!;
}

/** Adds `amount` cents; beyond a cash balance of 10,000,000.00 it is BAD_USER_INPUT and nothing changes. */
export function deposit(sql: Sql, amount: bigint, clock: Clock): RpcResult<AccountRecord> {
  const account = readAccount(sql);
  if (!account) return noAccount();
  if (account.cash + amount > MAX_CASH) {
    return failure("BAD_USER_INPUT", "A deposit may not take cash beyond 10000000.00", [
      { field: "amount", message: "would take cash beyond 10000000.00" },
    ]);
  }
  sql.exec("UPDATE account SET net_deposits = net_deposits + ?", sqlInt(amount));
  appendActivity(sql, clock, "DEPOSIT", amount, null);
  recordEvent(sql, clock, "DEPOSITED");
  return success(readAccount(sql)!);
}

export function setVisibility(sql: Sql, visible: boolean, clock: Clock): RpcResult<AccountRecord> {
  const account = readAccount(sql);
  if (!account) return noAccount();
  if (account.onLeaderboard !== visible) {
    sql.exec("UPDATE account SET on_leaderboard = ?", visible ? 1 : 0);
    recordEvent(sql, clock, "VISIBILITY_CHANGED");
  }
  return success(readAccount(sql)!);
}

/** Why the account cannot carry the order, or null (trading.md "Orders": rejections). */
function rejectionOf(sql: Sql, account: AccountRecord, order: NewOrder, market: MarketFacts, venue: Venue): OrderReason | null {
  if (!TRADABLE_TYPES.includes(market.instrumentType!)) return "NOT_TRADABLE";
  if (!market.quote) return "NO_QUOTE";
  if (order.type === "MARKET" && !canMatch(venue, market.quote.marketState)) return "MARKET_CLOSED";
  if (order.side === "SELL") return order.quantity > readPosition(sql, order.symbol).available ? "INSUFFICIENT_POSITION" : null;
  const cost = order.type === "MARKET" ? cashAmount(order.quantity, market.quote.price) : reservationOf(order);
  return cost > buyingPower(sql, account) ? "INSUFFICIENT_BUYING_POWER" : null;
}

function insertOrder(sql: Sql, order: NewOrder, clock: Clock): OrderRecord {
  const at = clock.now.toISOString();
  const id = clock.newId();
  sql.exec(
    `INSERT INTO orders (id, client_order_id, symbol, side, type, time_in_force, quantity, limit_price, stop_price, status, reason, reserved, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', NULL, 0, ?, ?)`,
    id,
    order.clientOrderId,
    order.symbol,
    order.side,
    order.type,
    order.timeInForce,
    sqlInt(order.quantity),
    sqlIntOrNull(order.limitPrice),
    sqlIntOrNull(order.stopPrice),
    at,
    at,
  );
  return readOrder(sql, id)!;
}

/** Ends an order (REJECTED, CANCELED, EXPIRED) with its reason, releasing its reservation. */
function endOrder(sql: Sql, order: OrderRecord, status: "REJECTED" | "CANCELED" | "EXPIRED", reason: OrderReason, clock: Clock): OrderRecord {
  sql.exec(
    "UPDATE orders SET status = ?, reason = ?, reserved = 0, expires_at = NULL, updated_at = ? WHERE id = ?",
    status,
    reason,
    clock.now.toISOString(),
    order.id,
  );
  const kind: TradingEventKind = status === "REJECTED" ? "ORDER_REJECTED" : status === "CANCELED" ? "ORDER_CANCELED" : "ORDER_EXPIRED";
  const ended = readOrder(sql, order.id)!;
  recordEvent(sql, clock, kind, ended);
  return ended;
}

function markTriggered(sql: Sql, order: OrderRecord, clock: Clock): OrderRecord {
  const at = clock.now.toISOString();
  sql.exec("UPDATE orders SET triggered_at = ?, updated_at = ? WHERE id = ?", at, at, order.id);
  return readOrder(sql, order.id)!;
}

/**
 * Fills the whole order at `price`: cash moves by quantity * price to the cent, the
 * position and its cost basis follow (trading.md "Average cost"). A buy whose cost exceeds
 * buying power (its own reservation released) is REJECTED instead: a triggered STOP buy.
 */
function fill(sql: Sql, order: OrderRecord, price: bigint, clock: Clock): OrderRecord {
  const account = readAccount(sql)!;
  const amount = cashAmount(order.quantity, price);
  if (order.side === "BUY" && amount > buyingPower(sql, account) + order.reserved) {
    return endOrder(sql, order, "REJECTED", "INSUFFICIENT_BUYING_POWER", clock);
  }
  const at = clock.now.toISOString();
  const signed = order.side === "BUY" ? -amount : amount;
  sql.exec(
    "UPDATE orders SET status = 'FILLED', reserved = 0, expires_at = NULL, fill_price = ?, cash_amount = ?, filled_at = ?, updated_at = ? WHERE id = ?",
    sqlInt(price),
    sqlInt(signed),
    at,
    at,
    order.id,
  );
  if (order.side === "BUY") {
    sql.exec(
      `INSERT INTO positions (symbol, quantity, cost_basis) VALUES (?, ?, ?)
       ON CONFLICT (symbol) DO UPDATE SET quantity = quantity + excluded.quantity, cost_basis = cost_basis + excluded.cost_basis`,
      order.symbol,
      sqlInt(order.quantity),
      sqlInt(amount),
    );
  } else {
    const held = readPosition(sql, order.symbol);
    // The cost basis a sell of q of Q removes: costBasis * q / Q to the cent, all of it when the position closes.
    const removed = order.quantity === held.quantity ? held.costBasis : divideRounded(held.costBasis * order.quantity, held.quantity);
    sql.exec("UPDATE positions SET quantity = quantity - ?, cost_basis = cost_basis - ? WHERE symbol = ?", sqlInt(order.quantity), sqlInt(removed), order.symbol);
    sql.exec("DELETE FROM positions WHERE symbol = ? AND quantity = 0", order.symbol);
    sql.exec("UPDATE account SET realized_pnl = realized_pnl + ?", sqlInt(amount - removed));
  }
  appendActivity(sql, clock, order.side, signed, order.id);
  const filled = readOrder(sql, order.id)!;
  recordEvent(sql, clock, "ORDER_FILLED", filled);
  return filled;
}

export interface Placement {
  order: OrderRecord;
  /** The order was created by this call and rests OPEN: the symbol book must track it. */
  rests: boolean;
}

/**
 * placeOrder (trading.md "Orders"): the clientOrderId's first order when there is one
 * (checked here, inside the transaction, so racing calls create exactly one); else the
 * order, rejected, filled at once, canceled (IOC, FOK) or resting OPEN with its reservation.
 */
export function placeOrder(sql: Sql, order: NewOrder, market: MarketFacts, venue: Venue, clock: Clock): RpcResult<Placement> {
  const account = readAccount(sql);
  if (!account) return noAccount();
  const earlier = order.clientOrderId === null ? null : readOrderByClientId(sql, order.clientOrderId);
  if (earlier) return success({ order: earlier, rests: false });
  if (market.instrumentType === null) {
    return failure("BAD_USER_INPUT", `Unknown symbol ${order.symbol}`, [{ field: "input.symbol", message: "is not a known symbol" }]);
  }
  // Only an order that can rest may add to the open ones: MARKET, IOC and FOK orders never do.
  if (canRest(order) && openOrderCount(sql) >= MAX_OPEN_ORDERS) {
    return failure("BAD_USER_INPUT", `An account holds at most ${MAX_OPEN_ORDERS} open orders`, [
      { field: "input", message: `the account already has ${MAX_OPEN_ORDERS} open orders` },
    ]);
  }
  const reason = rejectionOf(sql, account, order, market, venue);
  const created = insertOrder(sql, order, clock);
  if (reason) return success({ order: endOrder(sql, created, "REJECTED", reason, clock), rests: false });
  const quote = market.quote!;
  const matched = matchOnce(sql, created, quote, venue, clock);
  if (matched.status !== "OPEN") return success({ order: matched, rests: false });
  if (order.timeInForce === "IOC" || order.timeInForce === "FOK") {
    return success({ order: endOrder(sql, matched, "CANCELED", "NOT_IMMEDIATELY_FILLABLE", clock), rests: false });
  }
  return success({ order: rest(sql, matched, clock), rests: true });
}

const canRest = (order: NewOrder): boolean => order.type !== "MARKET" && (order.timeInForce === "DAY" || order.timeInForce === "GTC");

/** An order left OPEN: its reservation and its expiry written, and its event. */
function rest(sql: Sql, order: OrderRecord, clock: Clock): OrderRecord {
  sql.exec("UPDATE orders SET reserved = ?, expires_at = ? WHERE id = ?", sqlInt(reservationOf(order)), expiresAt(order.timeInForce, clock.now), order.id);
  const resting = readOrder(sql, order.id)!;
  recordEvent(sql, clock, "ORDER_PLACED", resting);
  return resting;
}

/** One look at an OPEN order at `quote`: filled (or rejected, a stop buy past buying power), triggered, or as it was. */
function matchOnce(sql: Sql, order: OrderRecord, quote: MarketQuote, venue: Venue, clock: Clock): OrderRecord {
  if (!canMatch(venue, quote.marketState)) return order;
  const trigger = asTrigger(order);
  const reachesStop = order.triggeredAt === null && order.type !== "MARKET" && order.type !== "LIMIT" && stopReached(trigger, quote.price);
  const current = reachesStop ? markTriggered(sql, order, clock) : order;
  return fillsAt(trigger, quote.price) ? fill(sql, current, quote.price, clock) : current;
}

/**
 * The symbol book's hand-over (book/protocol.ts): each order re-checked against the
 * account's own state, oldest first. An order no longer OPEN (or not this account's) is
 * NOT_OPEN, so a second hand-over of the same fill, or one racing a cancel, does nothing.
 */
export function matchResting(sql: Sql, orderIds: string[], quote: MarketQuote, venue: Venue, clock: Clock): { order: OrderRecord | null; outcome: MatchOutcome; orderId: string }[] {
  const orders = orderIds.map((orderId) => ({ orderId, order: readOrder(sql, orderId) }));
  orders.sort((a, b) => (a.order?.seq ?? Infinity) - (b.order?.seq ?? Infinity));
  return orders.map(({ orderId, order }) => {
    if (!order || order.status !== "OPEN") return { orderId, order, outcome: "NOT_OPEN" as const };
    const after = matchOnce(sql, order, quote, venue, clock);
    if (after.status === "FILLED" || after.status === "REJECTED") return { orderId, order: after, outcome: after.status };
    if (after.triggeredAt !== order.triggeredAt) {
      recordEvent(sql, clock, "ORDER_TRIGGERED", after);
      return { orderId, order: after, outcome: "TRIGGERED" as const };
    }
    return { orderId, order: after, outcome: "NOT_MATCHED" as const };
  });
}

/** cancelOrder: CANCELED_BY_USER; again for a canceled order answers it; a filled, expired or rejected one is BAD_USER_INPUT. */
export function cancelOrder(sql: Sql, orderId: string, clock: Clock): RpcResult<OrderRecord> {
  if (!readAccount(sql)) return noAccount();
  const order = readOrder(sql, orderId);
  if (!order) return failure("NOT_FOUND", "The account has no such order");
  if (order.status === "CANCELED") return success(order);
  if (order.status !== "OPEN") {
    return failure("BAD_USER_INPUT", `The order is ${order.status} and cannot be canceled`, [{ field: "id", message: `is ${order.status}` }]);
  }
  return success(endOrder(sql, order, "CANCELED", "CANCELED_BY_USER", clock));
}

export interface ResetOutcome {
  account: AccountRecord;
  /** The orders it canceled (the symbol books may forget them). */
  canceled: OrderRecord[];
}

/** resetTradingAccount: open orders canceled (ACCOUNT_RESET), positions dropped, cash and net deposits back to the starting cash. */
export function resetAccount(sql: Sql, venue: Venue, clock: Clock): RpcResult<ResetOutcome> {
  const account = readAccount(sql);
  if (!account) return noAccount();
  const canceled = readOpenOrders(sql).map((order) => endOrder(sql, order, "CANCELED", "ACCOUNT_RESET", clock));
  sql.exec("DELETE FROM positions");
  sql.exec("UPDATE account SET net_deposits = ?, realized_pnl = 0, reset_at = ?", sqlInt(venue.startingCash), clock.now.toISOString());
  // The RESET entry's amount is the change that brings cash back to the starting cash.
  appendActivity(sql, clock, "RESET", venue.startingCash - account.cash, null);
  recordEvent(sql, clock, "ACCOUNT_RESET");
  return success({ account: readAccount(sql)!, canceled });
}

/** Ends every open order whose time is up at `now` (DAY: END_OF_DAY, GTC: TIME_LIMIT). */
export function expireOrders(sql: Sql, clock: Clock): OrderRecord[] {
  const due = sql
    .exec("SELECT id FROM orders WHERE status = 'OPEN' AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY seq", clock.now.getTime())
    .map((row) => readOrder(sql, String(row.id))!);
  return due.map((order) => endOrder(sql, order, "EXPIRED", expiryReason(order.timeInForce), clock));
}
