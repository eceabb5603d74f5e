/** The stock page's chart periods (web.md's buttons) and what the chart says in words. */
import { formatMoney, formatPercent, formatTradingDay } from "./format";

export const CHART_PERIODS = [
  { label: "1D", period: "ONE_DAY", name: "1 day" },
  { label: "5D", period: "FIVE_DAYS", name: "5 days" },
  { label: "1M", period: "ONE_MONTH", name: "1 month" },
  { label: "6M", period: "SIX_MONTHS", name: "6 months" },
  { label: "1Y", period: "ONE_YEAR", name: "1 year" },
  { label: "5Y", period: "FIVE_YEARS", name: "5 years" },
] as const;

export type ChartPeriod = (typeof CHART_PERIODS)[number]["period"];

export type ChartPeriodChoice = (typeof CHART_PERIODS)[number];

/** The period the stock page opens with (its one query asks for this one's history). */
export const DEFAULT_CHART_PERIOD: ChartPeriod = "ONE_MONTH";

export const periodName = (period: ChartPeriod) => CHART_PERIODS.find((p) => p.period === period)!.name;

export interface PricePoint {
  date: string;
  close: number;
}

/**
 * The chart's accessible name: what a sighted reader takes from the line, for a screen
 * reader ("AAPL price chart, 1 month: 21 daily closes from ... to ..., $228.10 to $241.55, +5.90%").
 */
export function chartLabel(symbol: string, period: ChartPeriod, points: readonly PricePoint[], currency: string, locale?: string): string {
  const title = `${symbol} price chart, ${periodName(period)}`;
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${title}: no prices for this period`;
  const money = (value: number) => formatMoney(value, currency, locale);
  if (points.length === 1) return `${title}: closed at ${money(last.close)} on ${formatTradingDay(last.date, locale)}`;
  const change = first.close === 0 ? "" : `, ${formatPercent(((last.close - first.close) / first.close) * 100, locale)}`;
  return (
    `${title}: ${points.length} daily closes from ${formatTradingDay(first.date, locale)} to ${formatTradingDay(last.date, locale)}, ` +
    `${money(first.close)} to ${money(last.close)}${change}`
  );
}
