/**
 * The portfolio's equity chart in words (its accessible name) and as the canvas draws it.
 * The change over the period is exact (BigInt cents); the canvas gets floats, a picture only.
 */
import { CASH_SCALE, parseDecimal, percentOf } from "../../../shared/decimal";
import { CHART_PERIODS, periodName, type ChartPeriod, type PricePoint } from "../components/chart-periods";
import { formatMoney, formatPercent, formatTradingDay } from "../components/format";
import type { EquityPoint } from "./todays-change";

/** Every period but one day: an account's equity has one point per day. */
export const EQUITY_PERIODS = CHART_PERIODS.filter((choice) => choice.period !== "ONE_DAY");

export const drawEquity = (points: readonly EquityPoint[]): PricePoint[] => points.map((p) => ({ date: p.date, close: Number(p.equity) }));

/** "Equity chart, 1 month: 3 daily points from Nov 28, 2026 to Dec 2, 2026, $100,000.00 to $100,512.30, +0.51%" */
export function equityChartLabel(period: ChartPeriod, points: readonly EquityPoint[], currency: string, locale?: string): string {
  const title = `Equity chart, ${periodName(period)}`;
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${title}: no equity figures for this period`;
  const money = (value: string) => formatMoney(value, currency, locale);
  if (points.length === 1) return `${title}: ${money(last.equity)} on ${formatTradingDay(last.date, locale)}`;
  const [from, to] = [parseDecimal(first.equity, CASH_SCALE), parseDecimal(last.equity, CASH_SCALE)];
  const percent = from === null || to === null ? null : percentOf(to - from, from);
  return (
    `${title}: ${points.length} daily points from ${formatTradingDay(first.date, locale)} to ${formatTradingDay(last.date, locale)}, ` +
    `${money(first.equity)} to ${money(last.equity)}${percent === null ? "" : `, ${formatPercent(percent, locale)}`}`
  );
}
