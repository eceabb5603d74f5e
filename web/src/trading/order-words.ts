/**
 * Orders in words: statuses, sides, types and reasons as a person says them, and the order
 * ticket's outcome sentence, which starts with the status word (web.md "The order ticket").
 */
import { formatMoney, formatPrice, formatQuantity } from "../components/format";
import type { OrderReason, OrderSide, OrderStatus, OrderType } from "../gql/graphql";
import { ORDER_TYPES } from "./ticket";

export const STATUS_WORDS: Record<OrderStatus, string> = {
  OPEN: "Open",
  FILLED: "Filled",
  CANCELED: "Canceled",
  EXPIRED: "Expired",
  REJECTED: "Rejected",
};

export const SIDE_WORDS: Record<OrderSide, string> = { BUY: "Buy", SELL: "Sell" };

export const typeWord = (type: OrderType) => ORDER_TYPES.find((t) => t.value === type)!.name;

/** Why an order was rejected, canceled or expired, in plain words. */
export const REASON_WORDS: Record<OrderReason, string> = {
  INSUFFICIENT_BUYING_POWER: "not enough buying power to pay for it",
  INSUFFICIENT_POSITION: "you do not have that many shares available to sell",
  NOT_TRADABLE: "only stocks and ETFs can be traded",
  NO_QUOTE: "no price is available for it right now",
  MARKET_CLOSED: "the market is closed; market orders fill only while it is open",
  NOT_IMMEDIATELY_FILLABLE: "it could not be filled at once",
  CANCELED_BY_USER: "you canceled it",
  END_OF_DAY: "the trading day ended before it filled",
  TIME_LIMIT: "it reached the 90-day limit",
  ACCOUNT_RESET: "the account was reset",
};

export interface OutcomeOrder {
  symbol: string;
  side: OrderSide;
  type: OrderType;
  quantity: string;
  limitPrice?: string | null;
  stopPrice?: string | null;
  status: OrderStatus;
  reason?: OrderReason | null;
  averageFillPrice?: string | null;
  cashAmount?: string | null;
}

export interface Outcome {
  text: string;
  /** A rejection is an alert; every other outcome a status. */
  rejected: boolean;
}

/** "buy 10 AAPL", "sell 2.5 MSFT at a limit of $400.00" */
function orderInWords(order: OutcomeOrder, currency: string): string {
  const what = `${SIDE_WORDS[order.side].toLowerCase()} ${formatQuantity(order.quantity)} ${order.symbol}`;
  const limit = order.limitPrice ? `a limit of ${formatPrice(order.limitPrice, currency)}` : undefined;
  const stop = order.stopPrice ? `a stop of ${formatPrice(order.stopPrice, currency)}` : undefined;
  const prices = [stop, limit].filter(Boolean).join(" and ");
  return prices ? `${what} with ${prices}` : what;
}

/** The order's outcome, starting with its status: "Filled: bought 10 AAPL at $231.45 ($2,314.50)." */
export function outcomeOf(order: OutcomeOrder, currency: string): Outcome {
  const status = STATUS_WORDS[order.status];
  const reason = order.reason ? REASON_WORDS[order.reason] : undefined;
  switch (order.status) {
    case "FILLED": {
      const done = order.side === "BUY" ? "bought" : "sold";
      const price = order.averageFillPrice ? ` at ${formatPrice(order.averageFillPrice, currency)}` : "";
      const total = order.cashAmount ? ` (${formatMoney(order.cashAmount.replace("-", ""), currency)})` : "";
      return { text: `${status}: ${done} ${formatQuantity(order.quantity)} ${order.symbol}${price}${total}.`, rejected: false };
    }
    case "OPEN":
      return { text: `${status}: ${orderInWords(order, currency)}, waiting for its price.`, rejected: false };
    case "REJECTED":
      return {
        text: reason ? `${status}: ${reason} (${orderInWords(order, currency)}).` : `${status}: ${orderInWords(order, currency)}.`,
        rejected: true,
      };
    default:
      return { text: `${status}: ${orderInWords(order, currency)}${reason ? `, because ${reason}` : ""}.`, rejected: false };
  }
}
