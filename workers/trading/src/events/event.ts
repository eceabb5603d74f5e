/**
 * What the account Durable Object publishes on the events queue for every change of an
 * order or of cash (trading.md "Events"), and what the consumer applies to the D1 read
 * model. Delivered at least once and possibly out of order: the consumer applies each
 * `eventId` once, and keeps an account's figures only from an event with a higher
 * `version` than it has (so a late redelivery never rolls an account back).
 */
import type { OrderState } from "../contract";

export type TradingEventKind =
  | "ACCOUNT_OPENED"
  | "DEPOSITED"
  | "ACCOUNT_RESET"
  | "ORDER_PLACED"
  | "ORDER_TRIGGERED"
  | "ORDER_FILLED"
  | "ORDER_CANCELED"
  | "ORDER_EXPIRED"
  | "ORDER_REJECTED"
  | "VISIBILITY_CHANGED"
  | "ACCOUNT_REMOVED";

/** The account's figures after the change: what the leaderboard needs, no more. */
export interface AccountFigures {
  cash: string;
  netDeposits: string;
  /** When it was opened or last reset. */
  since: string;
  onLeaderboard: boolean;
  positions: { symbol: string; quantity: string }[];
}

export interface TradingEvent {
  /** Unique per change; the consumer's idempotency key. */
  eventId: string;
  kind: TradingEventKind;
  accountId: string;
  userId: string;
  /** The account's change counter after this change (1, 2, ...). */
  version: number;
  at: string;
  /** The order this change is about, as it is after the change. */
  order?: OrderState;
  /** null once the account is removed. */
  account: AccountFigures | null;
}
