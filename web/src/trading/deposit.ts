/** A deposit's amount (trading.md "The account"): 0.01 to 1,000,000.00 a time, at most 2 decimals. */
import { CASH_SCALE, parseDecimal } from "../../../shared/decimal";
import type { Rule } from "../auth/rules";

export const MAX_DEPOSIT_CENTS = 100_000_000n;

export const depositRule: Rule = (text) => {
  if (text.trim() === "") return "Enter the amount to deposit.";
  const cents = parseDecimal(text.trim(), CASH_SCALE);
  if (cents === null) return "Amount must be a sum of dollars with at most 2 decimal places, such as 500 or 250.75.";
  if (cents < 1n) return "Amount must be at least $0.01.";
  if (cents > MAX_DEPOSIT_CENTS) return "Amount must be at most $1,000,000.00 a time.";
  return undefined;
};
