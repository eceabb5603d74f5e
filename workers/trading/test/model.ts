/**
 * The reference model of an account for the property tests: trading.md's rules written
 * again, independently of the ledger, in exact BigInt arithmetic (its own rounding), and
 * the random action sequences both property tests run (test/ledger-model.node.test.ts over
 * node:sqlite, thousands of sequences; test/account-model.test.ts through the real DO).
 */
import fc from "fast-check";
import { expiresAt } from "../src/account/expiry";
import type { OrderReason, OrderSide, OrderStatus, OrderType, TimeInForce } from "../src/contract";

export const MODEL_SYMBOLS = ["AAA", "BBB"] as const;
/** An ETF (tradable), an INDEX (not), a listed symbol without a quote, and one the stock service does not know. */
export const ETF = "EEE";
export const INDEX = "IDX";
export const NO_QUOTE = "NQQ";
export const UNKNOWN = "ZZZ";
export const STARTING_CENTS = 10_000_000n;

/** a / b rounded half away from zero (the model's own, not shared/decimal.ts). */
export function roundDiv(a: bigint, b: bigint): bigint {
  const sign = (a < 0n) !== (b < 0n) ? -1n : 1n;
  const [n, d] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = n / d;
  return sign * (2n * (n % d) >= d ? q + 1n : q);
}

/** quantity (scale 4) * price (scale 4) in cents. */
const cents = (quantity: bigint, price: bigint): bigint => roundDiv(quantity * price, 1_000_000n);

export interface ModelOrder {
  id: string;
  clientOrderId: string | null;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  timeInForce: TimeInForce;
  quantity: bigint;
  limitPrice: bigint | null;
  stopPrice: bigint | null;
  status: OrderStatus;
  reason: OrderReason | null;
  reserved: bigint;
  triggered: boolean;
  /** Epoch ms when it was placed (the subject's clock). */
  placedAt: number;
}

export interface ModelQuote {
  price: bigint;
  marketState: "REGULAR" | "CLOSED";
}

export type Action =
  | { kind: "deposit"; cents: bigint }
  | {
      kind: "place";
      symbol: string;
      side: OrderSide;
      type: OrderType;
      timeInForce: TimeInForce;
      quantity: bigint;
      /** When set, the quantity is this percentage of what buying power (a sell: the position) affords instead. */
      sizePercent: number | null;
      limitOffset: bigint;
      stopOffset: bigint;
      clientOrderId: string | null;
    }
  /** The price moves to `price`, or by `movePercent` of the current one when set (small moves reach the tight cases). */
  | { kind: "quote"; symbol: string; price: bigint; movePercent: number | null; marketState: "REGULAR" | "CLOSED" }
  | { kind: "cancel"; pick: number }
  | { kind: "reset" }
  | { kind: "visibility"; visible: boolean }
  /** Time passes by `hours` and the account's alarm runs: what is due expires. */
  | { kind: "expire"; hours: number };

const price = fc.bigInt({ min: 5_000n, max: 3_000_000n }); // 0.50 .. 300.00 (scale 4)
const offset = fc.bigInt({ min: -200_000n, max: 200_000n });

export const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deposit" as const), cents: fc.bigInt({ min: 1n, max: 100_000_000n }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("place" as const),
      symbol: fc.constantFrom<string>(...MODEL_SYMBOLS, MODEL_SYMBOLS[0], MODEL_SYMBOLS[1], ETF, INDEX, NO_QUOTE, UNKNOWN),
      side: fc.constantFrom<OrderSide>("BUY", "SELL"),
      type: fc.constantFrom<OrderType>("MARKET", "LIMIT", "STOP", "STOP_LIMIT"),
      timeInForce: fc.constantFrom<TimeInForce>("DAY", "GTC", "IOC", "FOK"),
      // 0.0001 .. 2000 shares, mostly whole: enough to exceed the cash now and then.
      quantity: fc.oneof(fc.bigInt({ min: 1n, max: 20_000_000n }), fc.bigInt({ min: 1n, max: 800n }).map((n) => n * 10_000n)),
      sizePercent: fc.option(fc.integer({ min: 1, max: 130 }), { freq: 2 }),
      limitOffset: offset,
      stopOffset: offset,
      clientOrderId: fc.option(fc.constantFrom("c-1", "c-2", "c.3"), { freq: 4 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("quote" as const), symbol: fc.constantFrom<string>(...MODEL_SYMBOLS, ETF), price, movePercent: fc.option(fc.integer({ min: -8, max: 8 }), { freq: 2 }), marketState: fc.constantFrom<"REGULAR" | "CLOSED">("REGULAR", "REGULAR", "REGULAR", "CLOSED") }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reset" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("visibility" as const), visible: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("expire" as const), hours: fc.constantFrom(1, 5, 24, 24 * 45, 24 * 91) }) },
);

export const sequenceArbitrary = fc.record({
  exchangeHours: fc.boolean(),
  initial: fc.record({ AAA: price, BBB: price, EEE: price, IDX: price }),
  actions: fc.array(actionArbitrary, { minLength: 5, maxLength: 40, size: "medium" }),
});

/** A price derived from the quote and an offset, kept above 0. */
export const offsetPrice = (quote: bigint, by: bigint): bigint => (quote + by > 0n ? quote + by : 1n);

/** What an order placement should become, from the account's state and the quote (trading.md "Orders"). */
export class AccountModel {
  cash = STARTING_CENTS;
  netDeposits = STARTING_CENTS;
  realizedPnl = 0n;
  onLeaderboard = false;
  positions = new Map<string, { quantity: bigint; costBasis: bigint }>();
  orders: ModelOrder[] = [];
  quotes = new Map<string, ModelQuote>();

  constructor(readonly exchangeHours: boolean) {}

  open = (status: OrderStatus = "OPEN") => this.orders.filter((o) => o.status === status);
  buyingPower = (): bigint => this.cash - this.open().reduce((sum, o) => sum + o.reserved, 0n);
  available = (symbol: string): bigint =>
    (this.positions.get(symbol)?.quantity ?? 0n) - this.open().filter((o) => o.symbol === symbol && o.side === "SELL").reduce((s, o) => s + o.quantity, 0n);

  deposit(amount: bigint): boolean {
    if (this.cash + amount > 1_000_000_000n) return false;
    this.cash += amount;
    this.netDeposits += amount;
    return true;
  }

  #canMatch = (quote: ModelQuote): boolean => !this.exchangeHours || quote.marketState === "REGULAR";

  reservation(o: Pick<ModelOrder, "side" | "type" | "quantity" | "limitPrice" | "stopPrice">): bigint {
    if (o.side === "SELL" || o.type === "MARKET") return 0n;
    return cents(o.quantity, o.type === "STOP" ? o.stopPrice! : o.limitPrice!);
  }

  /** The placement of an order of a known symbol; `tradable` false for an INDEX, `quote` null when none. */
  place(order: ModelOrder, tradable: boolean): void {
    const quote = this.quotes.get(order.symbol) ?? null;
    const reason = this.#rejection(order, tradable, quote);
    this.orders.push(order);
    if (reason) return this.#end(order, "REJECTED", reason);
    this.#match(order, quote!);
    if (order.status !== "OPEN") return;
    if (order.timeInForce === "IOC" || order.timeInForce === "FOK") return this.#end(order, "CANCELED", "NOT_IMMEDIATELY_FILLABLE");
    order.reserved = this.reservation(order);
  }

  #rejection(o: ModelOrder, tradable: boolean, quote: ModelQuote | null): OrderReason | null {
    if (!tradable) return "NOT_TRADABLE";
    if (!quote) return "NO_QUOTE";
    if (o.type === "MARKET" && !this.#canMatch(quote)) return "MARKET_CLOSED";
    if (o.side === "SELL") return o.quantity > this.available(o.symbol) ? "INSUFFICIENT_POSITION" : null;
    const cost = o.type === "MARKET" ? cents(o.quantity, quote.price) : this.reservation(o);
    return cost > this.buyingPower() ? "INSUFFICIENT_BUYING_POWER" : null;
  }

  #end(o: ModelOrder, status: OrderStatus, reason: OrderReason): void {
    o.status = status;
    o.reason = reason;
    o.reserved = 0n;
  }

  /** The quote of `symbol` moves; its open orders are checked oldest first. */
  moveQuote(symbol: string, quote: ModelQuote): void {
    this.quotes.set(symbol, quote);
    for (const o of this.open().filter((x) => x.symbol === symbol)) this.#match(o, quote);
  }

  #match(o: ModelOrder, quote: ModelQuote): void {
    if (!this.#canMatch(quote)) return;
    const p = quote.price;
    const stopHit = o.stopPrice !== null && (o.side === "BUY" ? p >= o.stopPrice : p <= o.stopPrice);
    if ((o.type === "STOP" || o.type === "STOP_LIMIT") && stopHit) o.triggered = true;
    const limitOk = o.limitPrice !== null && (o.side === "BUY" ? p <= o.limitPrice : p >= o.limitPrice);
    const fills = o.type === "MARKET" || (o.type === "LIMIT" && limitOk) || (o.type === "STOP" && o.triggered) || (o.type === "STOP_LIMIT" && o.triggered && limitOk);
    if (!fills) return;
    const amount = cents(o.quantity, p);
    if (o.side === "BUY") {
      if (amount > this.buyingPower() + o.reserved) return this.#end(o, "REJECTED", "INSUFFICIENT_BUYING_POWER");
      this.cash -= amount;
      const held = this.positions.get(o.symbol) ?? { quantity: 0n, costBasis: 0n };
      this.positions.set(o.symbol, { quantity: held.quantity + o.quantity, costBasis: held.costBasis + amount });
    } else {
      const held = this.positions.get(o.symbol)!;
      const removed = o.quantity === held.quantity ? held.costBasis : roundDiv(held.costBasis * o.quantity, held.quantity);
      this.cash += amount;
      this.realizedPnl += amount - removed;
      if (o.quantity === held.quantity) this.positions.delete(o.symbol);
      else this.positions.set(o.symbol, { quantity: held.quantity - o.quantity, costBasis: held.costBasis - removed });
    }
    o.status = "FILLED";
    o.reserved = 0n;
  }

  /** cancelOrder: only an open order changes. */
  cancel(o: ModelOrder): void {
    if (o.status === "OPEN") this.#end(o, "CANCELED", "CANCELED_BY_USER");
  }

  /**
   * The alarm at `now`: open DAY and GTC orders past their time end EXPIRED. When a DAY
   * order ends is expiry.ts's (tested against fixed dates on its own); here, that they end.
   */
  expire(now: number): void {
    for (const o of this.open()) {
      const at = expiresAt(o.timeInForce, new Date(o.placedAt));
      if (at !== null && at <= now) this.#end(o, "EXPIRED", o.timeInForce === "DAY" ? "END_OF_DAY" : "TIME_LIMIT");
    }
  }

  reset(): void {
    for (const o of this.open()) this.#end(o, "CANCELED", "ACCOUNT_RESET");
    this.positions.clear();
    this.cash = STARTING_CENTS;
    this.netDeposits = STARTING_CENTS;
    this.realizedPnl = 0n;
  }
}
