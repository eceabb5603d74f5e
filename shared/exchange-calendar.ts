/**
 * US equity market calendar arithmetic: trading days are the exchange's (US/Eastern)
 * dates, and sessions follow its wall clock whatever the daylight-saving rule of the year.
 * The stock service dates quotes and history by it; the trading service expires DAY
 * orders, dates equity points and paces its symbol books by it.
 */
import type { HistoryPeriod, MarketState } from "../workers/stock/src/contract";

const DAY_MS = 86_400_000;

const easternClock = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export interface EasternTime {
  /** The exchange's calendar date, YYYY-MM-DD. */
  date: string;
  /** Minutes since the exchange's midnight. */
  minutes: number;
  /** UTC minus exchange time, in minutes (300 in winter, 240 in summer). */
  offsetMinutes: number;
}

export function easternTime(at: Date): EasternTime {
  const parts = Object.fromEntries(easternClock.formatToParts(at).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  const wallAsUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offsetMinutes = Math.round((Math.floor(at.getTime() / 1000) * 1000 - wallAsUtc) / 60_000);
  return { date, minutes, offsetMinutes };
}

export const OPEN_MINUTES = 9 * 60 + 30;
export const CLOSE_MINUTES = 16 * 60;
const PRE_MINUTES = 4 * 60;
const POST_END_MINUTES = 20 * 60;

/** Weekdays. Exchange holidays are not modelled here: real providers' bars simply lack them. */
export const isTradingDay = (date: string): boolean => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

export function marketState(at: Date): MarketState {
  const { date, minutes } = easternTime(at);
  if (!isTradingDay(date)) return "CLOSED";
  if (minutes < PRE_MINUTES || minutes >= POST_END_MINUTES) return "CLOSED";
  if (minutes < OPEN_MINUTES) return "PRE";
  return minutes < CLOSE_MINUTES ? "REGULAR" : "POST";
}

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The trading day at or before `date`. */
export function tradingDayAtOrBefore(date: string): string {
  let day = date;
  while (!isTradingDay(day)) day = addDays(day, -1);
  return day;
}

/** The instant of 16:00 exchange time on `date` (for the `asOf` of a closed session). */
export function sessionClose(date: string): Date {
  const noonUtc = new Date(`${date}T17:00:00Z`);
  const { offsetMinutes } = easternTime(noonUtc);
  return new Date(Date.parse(`${date}T00:00:00Z`) + (CLOSE_MINUTES + offsetMinutes) * 60_000);
}

/** Enough calendar days before a window to find the close before its first bar (weekends, holidays). */
export const LOOKBACK_DAYS = 10;
export const BEGINNING_OF_TIME = "1970-01-01";

export interface PeriodWindow {
  /** The first date of the window. */
  from: string;
  /** For ONE_DAY and FIVE_DAYS: the number of trailing trading days, whatever `from` is. */
  lastSessions?: number;
}

const monthsBefore = (date: string, months: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
};

/** The dates a history period covers, as of `today` (the exchange's date). */
export function periodWindow(period: HistoryPeriod, today: string): PeriodWindow {
  switch (period) {
    case "ONE_DAY":
      return { from: addDays(today, -LOOKBACK_DAYS), lastSessions: 1 };
    case "FIVE_DAYS":
      return { from: addDays(today, -2 * LOOKBACK_DAYS), lastSessions: 5 };
    case "ONE_MONTH":
      return { from: monthsBefore(today, 1) };
    case "THREE_MONTHS":
      return { from: monthsBefore(today, 3) };
    case "SIX_MONTHS":
      return { from: monthsBefore(today, 6) };
    case "YEAR_TO_DATE":
      return { from: `${today.slice(0, 4)}-01-01` };
    case "ONE_YEAR":
      return { from: monthsBefore(today, 12) };
    case "TWO_YEARS":
      return { from: monthsBefore(today, 24) };
    case "FIVE_YEARS":
      return { from: monthsBefore(today, 60) };
    case "MAX":
      return { from: BEGINNING_OF_TIME };
  }
}
