/**
 * When a resting order ends (trading.md "Orders"): a DAY order at the first 16:00 New York
 * time after it was placed (END_OF_DAY), a GTC order 90 days after (TIME_LIMIT). IOC and
 * FOK orders never rest.
 */
import { addDays, easternTime, sessionClose } from "../../../../shared/exchange-calendar";
import type { OrderReason, TimeInForce } from "../contract";

export const GTC_LIFETIME_MS = 90 * 86_400_000;

/** The first 16:00 New York wall-clock time strictly after `at`, whatever the weekday. */
export function nextNewYorkClose(at: Date): Date {
  const today = easternTime(at).date;
  const close = sessionClose(today);
  return close.getTime() > at.getTime() ? close : sessionClose(addDays(today, 1));
}

/** The epoch ms at which an order placed at `at` expires, null when it cannot rest. */
export function expiresAt(timeInForce: TimeInForce, at: Date): number | null {
  switch (timeInForce) {
    case "DAY":
      return nextNewYorkClose(at).getTime();
    case "GTC":
      return at.getTime() + GTC_LIFETIME_MS;
    case "IOC":
    case "FOK":
      return null;
  }
}

export const expiryReason = (timeInForce: TimeInForce): OrderReason => (timeInForce === "DAY" ? "END_OF_DAY" : "TIME_LIMIT");
