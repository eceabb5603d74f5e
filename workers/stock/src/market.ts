/**
 * US equity market calendar arithmetic: trading days are the exchange's (US/Eastern)
 * dates, and sessions follow its wall clock whatever the daylight-saving rule of the year.
 */
import type { MarketState } from "./contract";

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
