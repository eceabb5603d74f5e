/**
 * The trading service's RPC contract: what callers (gateway, auth, tests) import of it.
 * Pure (valibot and shared/'s rule modules only), so Node can import it too.
 *
 * Every amount, price and quantity crosses as decimal text (shared/decimal.ts): cash and
 * amounts with exactly 2 places ("100000.00"), prices and quantities with the fewest
 * places that say them ("1.5", "245.42"), averageCost with exactly 4.
 */
import * as v from "valibot";
import { rpcMethods, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { TickerSymbol } from "../../../shared/symbols";
import { CASH_SCALE, parseDecimal, UNIT_SCALE } from "../../../shared/decimal";
import { UserId } from "../../../shared/validation";
import { HISTORY_PERIODS, type HistoryPeriod } from "../../stock/src/contract";

export type OrderSide = "BUY" | "SELL";
export type OrderType = "MARKET" | "LIMIT" | "STOP" | "STOP_LIMIT";
export type TimeInForce = "DAY" | "GTC" | "IOC" | "FOK";
export type OrderStatus = "OPEN" | "FILLED" | "CANCELED" | "EXPIRED" | "REJECTED";
export type OrderReason =
  | "INSUFFICIENT_BUYING_POWER"
  | "INSUFFICIENT_POSITION"
  | "NOT_TRADABLE"
  | "NO_QUOTE"
  | "MARKET_CLOSED"
  | "NOT_IMMEDIATELY_FILLABLE"
  | "CANCELED_BY_USER"
  | "END_OF_DAY"
  | "TIME_LIMIT"
  | "ACCOUNT_RESET";
export type ActivityKind = "OPENING_CASH" | "DEPOSIT" | "BUY" | "SELL" | "RESET";

export const ORDER_SIDES: readonly OrderSide[] = ["BUY", "SELL"];
export const ORDER_TYPES: readonly OrderType[] = ["MARKET", "LIMIT", "STOP", "STOP_LIMIT"];
export const TIMES_IN_FORCE: readonly TimeInForce[] = ["DAY", "GTC", "IOC", "FOK"];
export const ORDER_STATUSES: readonly OrderStatus[] = ["OPEN", "FILLED", "CANCELED", "EXPIRED", "REJECTED"];

/** A position of the account, without market values: the gateway prices positions with one batched quote call. */
export interface PositionState {
  symbol: string;
  quantity: string;
  /** quantity minus what open sell orders hold. */
  availableQuantity: string;
  /** The cash paid for the shares still held, 2 places. */
  costBasis: string;
  /** costBasis / quantity, exactly 4 places. */
  averageCost: string;
}

/** The account as the ledger knows it (no quote-dependent figures). */
export interface AccountState {
  id: string;
  currency: "USD";
  cash: string;
  buyingPower: string;
  netDeposits: string;
  realizedPnl: string;
  onLeaderboard: boolean;
  createdAt: string;
  resetAt: string | null;
  /** Open positions (quantity above zero), by symbol. */
  positions: PositionState[];
}

export interface OrderState {
  id: string;
  clientOrderId: string | null;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  timeInForce: TimeInForce;
  quantity: string;
  limitPrice: string | null;
  stopPrice: string | null;
  status: OrderStatus;
  reason: OrderReason | null;
  /** "0" or quantity. */
  filledQuantity: string;
  averageFillPrice: string | null;
  /** Signed cash the fill moved, 2 places (negative for a buy). */
  cashAmount: string | null;
  /** What an open buy order holds back from buying power, 2 places ("0.00" otherwise). */
  reservedCash: string;
  createdAt: string;
  updatedAt: string;
  filledAt: string | null;
  triggeredAt: string | null;
}

export interface ActivityEntryState {
  id: string;
  kind: ActivityKind;
  /** Signed, 2 places. */
  amount: string;
  cashAfter: string;
  /** The order behind a BUY or SELL, as it is now. */
  order: OrderState | null;
  at: string;
}

/** A cursor page, newest first. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface EquityPoint {
  /** YYYY-MM-DD, the exchange's trading day. */
  date: string;
  /** 2 places. */
  equity: string;
}

/** One ranked account of the read model; the gateway adds the display name from the user service. */
export interface LeaderboardRow {
  rank: number;
  userId: string;
  totalReturnPercent: number;
  /** When the ranked account was opened or last reset. */
  since: string;
}

/** placeOrder's arguments, as GraphQL's PlaceOrderInput carries them (decimal text). */
export interface OrderInput {
  symbol: string;
  side: OrderSide;
  type: OrderType;
  quantity: string;
  limitPrice?: string | null;
  stopPrice?: string | null;
  timeInForce: TimeInForce;
  clientOrderId?: string | null;
}

export interface PageRequest {
  first: number;
  after?: string | null;
}

/**
 * Every method that acts on an account answers NOT_FOUND when the user has none (except
 * `account`, which answers null, and `openTradingAccount`, which opens it).
 */
export interface TradingRpc {
  health(meta: CallMeta): Promise<HealthReport>;
  /** The user's account; null until opened. */
  account(meta: CallMeta, userId: string): Promise<RpcResult<AccountState | null>>;
  /** Opens it with STARTING_CASH; idempotent (a second call answers the same account). */
  openAccount(meta: CallMeta, userId: string): Promise<RpcResult<AccountState>>;
  /** BAD_USER_INPUT outside 0.01..1,000,000.00, past 2 places, or past a cash balance of 10,000,000.00. */
  deposit(meta: CallMeta, userId: string, amount: string): Promise<RpcResult<AccountState>>;
  resetAccount(meta: CallMeta, userId: string): Promise<RpcResult<AccountState>>;
  /** The order after immediate matching; broken arguments are BAD_USER_INPUT and create nothing. */
  placeOrder(meta: CallMeta, userId: string, input: OrderInput): Promise<RpcResult<OrderState>>;
  /** Idempotent for a canceled order; BAD_USER_INPUT for a filled, expired or rejected one; NOT_FOUND for none. */
  cancelOrder(meta: CallMeta, userId: string, orderId: string): Promise<RpcResult<OrderState>>;
  setLeaderboardVisibility(meta: CallMeta, userId: string, visible: boolean): Promise<RpcResult<AccountState>>;
  orders(meta: CallMeta, userId: string, request: PageRequest & { status?: OrderStatus | null }): Promise<RpcResult<Page<OrderState>>>;
  /** null when the account has no such order. */
  order(meta: CallMeta, userId: string, orderId: string): Promise<RpcResult<OrderState | null>>;
  activity(meta: CallMeta, userId: string, request: PageRequest): Promise<RpcResult<Page<ActivityEntryState>>>;
  /** From the ledger and the stock service's daily closes (one batched history call). */
  equityHistory(meta: CallMeta, userId: string, period: HistoryPeriod): Promise<RpcResult<EquityPoint[]>>;
  /** The read model's ranking (first: 1..100), refreshed at least every 60 s. */
  leaderboard(meta: CallMeta, first: number): Promise<RpcResult<LeaderboardRow[]>>;
  /** Deletes the user's account and everything in it (account deletion); idempotent. */
  removeUser(meta: CallMeta, userId: string): Promise<void>;
  /**
   * The user's orders from now on (live-data.md orderUpdates): a byte stream of OrderState
   * lines (shared/live-stream.ts), one each time an order is placed or changes status,
   * written by the account's Durable Object right after the change commits, whichever
   * request, alarm or symbol book caused it. Ends (closes or errors) when the object restarts.
   */
  watchOrders(meta: CallMeta, userId: string): Promise<RpcResult<ReadableStream<Uint8Array>>>;
}

export const TRADING_METHODS = /* @__PURE__ */ rpcMethods<TradingRpc>()([
  "health",
  "account",
  "openAccount",
  "deposit",
  "resetAccount",
  "placeOrder",
  "cancelOrder",
  "setLeaderboardVisibility",
  "orders",
  "order",
  "activity",
  "equityHistory",
  "leaderboard",
  "removeUser",
  "watchOrders",
]);

export const MAX_PAGE = 100;
export const MAX_OPEN_ORDERS = 100;
export const CLIENT_ORDER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const First = v.pipe(v.number("must be a number"), v.integer("must be an integer"), v.minValue(1, "must be at least 1"), v.maxValue(MAX_PAGE, `must be at most ${MAX_PAGE}`));

export const UserRequest = v.object({ userId: UserId });
export const LeaderboardRequest = v.object({ first: First });
export const OrderPageRequest = v.object({
  userId: UserId,
  first: First,
  after: v.nullish(v.string("must be a string")),
  status: v.nullish(v.picklist(ORDER_STATUSES, `must be one of ${ORDER_STATUSES.join(", ")}`)),
});
export const ActivityPageRequest = v.object({ userId: UserId, first: First, after: v.nullish(v.string("must be a string")) });

/** Decimal text at `scale` places at most, as a scaled BigInt within [min, max] (a JSON number is refused). */
const DecimalText = (scale: number, min: bigint, max: bigint, bounds: { min: string; max: string }) =>
  v.pipe(
    v.string("must be a decimal string, e.g. \"12.5\""),
    v.check((text) => parseDecimal(text, scale) !== null, `must be decimal text with at most ${scale} decimals`),
    v.transform((text) => parseDecimal(text, scale)!),
    v.minValue(min, bounds.min),
    v.maxValue(max, bounds.max),
  );

/** trading.md "The account": 0.01 to 1,000,000.00 a time, at most 2 decimals. */
export const DepositAmount = DecimalText(CASH_SCALE, 1n, 100_000_000n, { min: "must be at least 0.01", max: "must be at most 1000000.00" });
/** Above 0, at most 1,000,000, at most 4 decimals. */
export const OrderQuantity = DecimalText(UNIT_SCALE, 1n, 10_000_000_000n, { min: "must be above 0", max: "must be at most 1000000" });
/**
 * Above 0, at most 4 decimals. The upper bound (1,000,000,000) is not in trading.md: it
 * keeps every stored price an exact INTEGER (below 2^53 at scale 4) instead of a 500.
 */
export const OrderPrice = DecimalText(UNIT_SCALE, 1n, 10_000_000_000_000n, { min: "must be above 0", max: "must be at most 1000000000" });

const needsLimit = (type: OrderType): boolean => type === "LIMIT" || type === "STOP_LIMIT";
const needsStop = (type: OrderType): boolean => type === "STOP" || type === "STOP_LIMIT";

export const PlaceOrderArguments = v.pipe(
  v.object({
    symbol: TickerSymbol,
    side: v.picklist(ORDER_SIDES, `must be one of ${ORDER_SIDES.join(", ")}`),
    type: v.picklist(ORDER_TYPES, `must be one of ${ORDER_TYPES.join(", ")}`),
    quantity: OrderQuantity,
    limitPrice: v.nullish(OrderPrice),
    stopPrice: v.nullish(OrderPrice),
    timeInForce: v.picklist(TIMES_IN_FORCE, `must be one of ${TIMES_IN_FORCE.join(", ")}`),
    clientOrderId: v.nullish(v.pipe(v.string("must be a string"), v.regex(CLIENT_ORDER_ID, "must be 1 to 64 of A-Z a-z 0-9 . _ : -"))),
  }),
  v.forward(
    v.check((o) => (o.limitPrice != null) === needsLimit(o.type), "is required for LIMIT and STOP_LIMIT orders and refused otherwise"),
    ["limitPrice"],
  ),
  v.forward(
    v.check((o) => (o.stopPrice != null) === needsStop(o.type), "is required for STOP and STOP_LIMIT orders and refused otherwise"),
    ["stopPrice"],
  ),
  v.transform((o) => ({ ...o, limitPrice: o.limitPrice ?? null, stopPrice: o.stopPrice ?? null, clientOrderId: o.clientOrderId ?? null })),
);

export const DepositRequest = v.object({ userId: UserId, amount: DepositAmount });
export const PlaceOrderRequest = v.object({ userId: UserId, input: PlaceOrderArguments });
/** An order id: the account's own are UUIDs, but any short text is asked for (and not found). */
export const OrderIdRequest = v.object({ userId: UserId, id: v.pipe(v.string("must be a string"), v.minLength(1, "must not be empty"), v.maxLength(64, "must be at most 64 characters")) });
export const VisibilityRequest = v.object({ userId: UserId, visible: v.boolean("must be true or false") });
export const EquityHistoryRequest = v.object({ userId: UserId, period: v.picklist(HISTORY_PERIODS, `must be one of ${HISTORY_PERIODS.join(", ")}`) });
