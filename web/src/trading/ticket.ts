/**
 * The order ticket's rules (web.md "The order ticket", trading.md "Orders"): which fields an
 * order type needs, what a field may hold, and the estimated cost. Amounts are exact
 * decimals (shared/decimal.ts, as the trading Worker computes them); the one float is the
 * stock service's quote price, which enters through fromQuotePrice.
 */
import { cashAmount, CASH_SCALE, formatDecimal, fromQuotePrice, parseDecimal, UNIT_SCALE } from "../../../shared/decimal";
import type { Rule } from "../auth/rules";
import type { OrderType, TimeInForce } from "../gql/graphql";

export const ORDER_TYPES: readonly { type: OrderType; name: string }[] = [
  { type: "MARKET", name: "Market" },
  { type: "LIMIT", name: "Limit" },
  { type: "STOP", name: "Stop" },
  { type: "STOP_LIMIT", name: "Stop limit" },
];

export const TIMES_IN_FORCE: readonly { timeInForce: TimeInForce; name: string; hint: string }[] = [
  { timeInForce: "DAY", name: "Day", hint: "until today's close (16:00 New York time)" },
  { timeInForce: "GTC", name: "GTC", hint: "good till canceled, at most 90 days" },
  { timeInForce: "IOC", name: "IOC", hint: "immediate or cancel" },
  { timeInForce: "FOK", name: "FOK", hint: "fill or kill" },
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
  const price = type === "MARKET" ? (marketPrice === null ? null : fromQuotePrice(marketPrice)) : units(priceFieldsOf(type).limitPrice ? limitPrice : stopPrice);
  if (shares === null || price === null || price <= 0n) return null;
  return formatDecimal(cashAmount(shares, price), CASH_SCALE);
}
