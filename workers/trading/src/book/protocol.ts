/**
 * What the account and symbol Durable Objects say to each other (DO RPC, inside the
 * trading Worker). The account is the one that decides: the book only tells it that a
 * resting order may act at a quote, and the account re-checks with matching.ts against
 * its own state (a fill is idempotent by order id and refused once the order is no longer
 * OPEN, so a cancel and a fill racing end with exactly one winner).
 */
import type { OrderSide, OrderType } from "../contract";

/** A resting (OPEN) order as the symbol book tracks it; prices as scale-4 decimal text. */
export interface RestingOrder {
  /** The account Durable Object's name (the user id). */
  accountName: string;
  orderId: string;
  side: OrderSide;
  type: OrderType;
  limitPrice: string | null;
  stopPrice: string | null;
  triggered: boolean;
  /** Oldest first (trading.md). */
  createdAt: string;
}

/** The quote the book matched against. */
export interface BookQuote {
  /** Decimal text, scale 4 (shared/decimal.ts fromQuotePrice). */
  price: string;
  asOf: string;
  marketState: string;
}

/** What the account did with each order it was handed. */
export type MatchOutcome = "FILLED" | "TRIGGERED" | "REJECTED" | "NOT_MATCHED" | "NOT_OPEN";

/** The symbol book's methods the account calls. */
export interface SymbolBookRpc {
  track(order: RestingOrder): Promise<void>;
  untrack(orderId: string): Promise<void>;
}

/** The account's method the symbol book calls (orders of that one account, oldest first). */
export interface AccountMatchingRpc {
  matchResting(orderIds: string[], quote: BookQuote): Promise<{ orderId: string; outcome: MatchOutcome }[]>;
}
