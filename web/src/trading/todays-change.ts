/**
 * Today's change of an account's equity, in exact decimals. equityHistory ends with today's
 * current equity, after one point per completed trading day (trading.md): the change is that
 * last point minus the one before it, the previous trading day's close. An account opened
 * (or reset) today has only today's point: its change is then equity minus net deposits,
 * what it made since it started today.
 */
import { CASH_SCALE, formatDecimal, parseDecimal, percentOf } from "../../../shared/decimal";

export interface EquityPoint {
  date: string;
  equity: string;
}

export interface TodaysChange {
  /** Cash text, 2 decimals, signed. */
  amount: string;
  /** Of the base (the previous close, or net deposits); null when the base is zero. */
  percent: number | null;
}

/** null without a point, or when a figure is not the API's cash text (nothing is shown rather than a wrong figure). */
export function todaysChange(history: readonly EquityPoint[], netDeposits: string): TodaysChange | null {
  const today = history.at(-1);
  if (!today) return null;
  const base = parseDecimal(history.length > 1 ? history.at(-2)!.equity : netDeposits, CASH_SCALE);
  const equity = parseDecimal(today.equity, CASH_SCALE);
  if (base === null || equity === null) return null;
  const change = equity - base;
  return { amount: formatDecimal(change, CASH_SCALE), percent: percentOf(change, base) };
}
