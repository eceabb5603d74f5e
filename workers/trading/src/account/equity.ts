/**
 * equityHistory's day-by-day arithmetic (trading.md "History"), pure: from the ledger since
 * the account was opened or last reset and the daily closes of the symbols it held, one
 * point per completed trading day (cash after that day's activity plus each position held
 * at the day's close times that day's close), then one point for today at current equity.
 */
import { CASH_SCALE, cashAmount, formatDecimal } from "../../../../shared/decimal";
import { addDays, isTradingDay, periodWindow } from "../../../../shared/exchange-calendar";
import type { EquityPoint } from "../contract";
import type { HistoryPeriod } from "../../../stock/src/contract";

/** One activity entry of the ledger, on the exchange's date it happened. */
export interface LedgerDay {
  /** YYYY-MM-DD, New York. */
  date: string;
  cashAfter: bigint;
  /** A BUY (+quantity) or SELL (-quantity) fill, scale 4. */
  fill: { symbol: string; quantity: bigint; price: bigint } | null;
}

export interface DailyClose {
  date: string;
  /** Scale 4. */
  close: bigint;
}

export interface EquityInput {
  /** Oldest first, from the opening or reset entry on. */
  ledger: LedgerDay[];
  /** The trading days of the period (oldest first); only completed ones since the beginning count. */
  days: string[];
  closes: Record<string, DailyClose[]>;
  /** The exchange's current date. */
  today: string;
  /** cents */
  currentEquity: bigint;
}

/** The last close of `symbol` at or before `date`, else the last fill price seen (a day the symbol has no bar). */
function closeOn(closes: DailyClose[] | undefined, date: string, fallback: bigint): bigint {
  let price = fallback;
  for (const bar of closes ?? []) {
    if (bar.date > date) break;
    price = bar.close;
  }
  return price;
}

export function equityPoints(input: EquityInput): EquityPoint[] {
  const beginning = input.ledger[0]?.date ?? input.today;
  const days = [...new Set(input.days)].filter((day) => day >= beginning && day < input.today).sort();
  const points: EquityPoint[] = [];
  const held = new Map<string, bigint>();
  const lastFill = new Map<string, bigint>();
  let cash = 0n;
  let next = 0;
  for (const day of days) {
    for (; next < input.ledger.length && input.ledger[next]!.date <= day; next++) {
      const entry = input.ledger[next]!;
      cash = entry.cashAfter;
      if (entry.fill) {
        held.set(entry.fill.symbol, (held.get(entry.fill.symbol) ?? 0n) + entry.fill.quantity);
        lastFill.set(entry.fill.symbol, entry.fill.price);
      }
    }
    let equity = cash;
    for (const [symbol, quantity] of held) {
      if (quantity > 0n) equity += cashAmount(quantity, closeOn(input.closes[symbol], day, lastFill.get(symbol)!));
    }
    points.push({ date: day, equity: formatDecimal(equity, CASH_SCALE) });
  }
  points.push({ date: input.today, equity: formatDecimal(input.currentEquity, CASH_SCALE) });
  return points;
}

/** Symbols the ledger's fills touched: every symbol held at some point of it. */
export const symbolsTraded = (ledger: LedgerDay[]): string[] => [...new Set(ledger.flatMap((entry) => (entry.fill ? [entry.fill.symbol] : [])))].sort();

/**
 * The weekdays of the period up to today, for an account that held nothing in it (no
 * symbol, so no candles to date the days): as the stock service windows its history
 * (shared/exchange-calendar.ts periodWindow), ONE_DAY and FIVE_DAYS being the last 1 and 5 sessions.
 */
export function weekdaysOf(period: HistoryPeriod, today: string, beginning: string): string[] {
  const window = periodWindow(period, today);
  const days: string[] = [];
  for (let day = window.from < beginning ? beginning : window.from; day <= today; day = addDays(day, 1)) if (isTradingDay(day)) days.push(day);
  return window.lastSessions ? days.slice(-window.lastSessions) : days;
}
