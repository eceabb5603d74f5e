/**
 * The order ticket's rules (web.md "The order ticket", trading.md "Orders"): which fields an
 * order type needs, what a field may hold, and the estimated cost. Amounts are exact
 * decimals (shared/decimal.ts, as the trading Worker computes them); the one float is the
 * stock service's quote price, which enters through fromQuotePrice.
 */
import { cashAmount, CASH_SCALE, formatDecimal, fromQuotePrice, parseDecimal, UNIT_SCALE } from "../../../shared/decimal";
import type { Rule } from "../auth/rules";
import type { OrderType, TimeInForce } from "../gql/graphql";

export const ORDER_TYPES: readonly { value: OrderType; name: string; hint: string }[] = [
  { value: "MARKET", name: "Market", hint: "Fills at once at the current price." },
  { value: "LIMIT", name: "Limit", hint: "Fills at the limit price or better." },
  { value: "STOP", name: "Stop", hint: "Becomes a market order once the price reaches the stop price." },
  { value: "STOP_LIMIT", name: "Stop limit", hint: "Becomes a limit order once the price reaches the stop price." },
];

export const TIMES_IN_FORCE: readonly { value: TimeInForce; name: string; hint: string }[] = [
  { value: "DAY", name: "Day", hint: "Day: open until the market's close (16:00 New York time)." },
  { value: "GTC", name: "GTC", hint: "Good till canceled: open until it fills or you cancel it, at most 90 days." },
  { value: "IOC", name: "IOC", hint: "Immediate or cancel: fills at once or is canceled." },
  { value: "FOK", name: "FOK", hint: "Fill or kill: fills at once in full or is canceled." },
];

/** Which price fields an order type needs (trading.md: exactly these, refused otherwise). */
export function priceFieldsOf(type: OrderType): { limitPrice: boolean; stopPrice: boolean } {
  return { limitPrice: type === "LIMIT" || type === "STOP_LIMIT", stopPrice: type === "STOP" || type === "STOP_LIMIT" };
}

export const MAX_QUANTITY = 1_000_000n * 10n ** BigInt(UNIT_SCALE);

/** The typed text of a quantity or price at scale 4, or null when it is not a plain decimal. */
const units = (text: string) => parseDecimal(text.trim(), UNIT_SCALE);

/** Quantity: above 0, at most 1,000,000, at most 4 decimal places. */
export const quantityRule: Rule = (text) => {
  if (text.trim() === "") return "Enter the number of shares.";
  const value = units(text);
  if (value === null) return "Quantity must be a number of shares with at most 4 decimal places, such as 10 or 2.5.";
  if (value <= 0n) return "Quantity must be above 0.";
  if (value > MAX_QUANTITY) return "Quantity must be at most 1,000,000.";
  return undefined;
};

/** A limit or stop price: above 0 with at most 4 decimal places. */
export const priceRule =
  (label: string): Rule =>
  (text) => {
    if (text.trim() === "") return `Enter the ${label.toLowerCase()}.`;
    const value = units(text);
    if (value === null) return `${label} must be an amount with at most 4 decimal places, such as 150 or 149.25.`;
    if (value <= 0n) return `${label} must be above 0.`;
    return undefined;
  };

export interface CostInput {
  type: OrderType;
  quantity: string;
  limitPrice: string;
  stopPrice: string;
  /** The current quote's price, or null without a quote. */
  marketPrice: number | null;
}

/**
 * The estimated cost, cash text with 2 decimals: quantity * the price the order would fill
 * at or reserves (trading.md): the quote for MARKET, the limit for LIMIT and STOP_LIMIT, the
 * stop for STOP; rounded half away from zero to the cent. null while an input is missing or
 * not valid.
 */
export function estimatedCost({ type, quantity, limitPrice, stopPrice, marketPrice }: CostInput): string | null {
  const shares = quantityRule(quantity) ? null : units(quantity);
  const price =
    type === "MARKET" ? (marketPrice === null ? null : fromQuotePrice(marketPrice)) : units(priceFieldsOf(type).limitPrice ? limitPrice : stopPrice);
  if (shares === null || price === null || price <= 0n) return null;
  return formatDecimal(cashAmount(shares, price), CASH_SCALE);
}
