/**
 * The stock page's price chart with its period buttons. The page's one query brings the
 * default period's history; another period is a small StockHistory query of its own (only
 * that period's closes), because the quote, the watchlist and the session do not change
 * with the period and re-running the page's query would fetch them all again.
 */
import { useClient } from "urql";
import { CHART_PERIODS, chartLabel, type ChartPeriod, type PricePoint } from "../components/chart-periods";
import { PeriodChart } from "../components/PeriodChart";
import { graphql } from "../gql";

const StockHistoryDocument = graphql(`
  query StockHistory($symbol: String!, $period: HistoryPeriod!) {
    stock(symbol: $symbol) {
      symbol
      history(period: $period) {
        date
        close
      }
    }
  }
`);

const asDrawn = (points: readonly PricePoint[]) => points;

export function StockChart({ symbol, currency, history }: { symbol: string; currency: string; history: readonly PricePoint[] }) {
  const client = useClient();
  const load = async (period: ChartPeriod) => {
    const result = await client.query(StockHistoryDocument, { symbol, period }).toPromise();
    return { points: result.data?.stock?.history, error: result.error };
  };
  const label = (period: ChartPeriod, points: readonly PricePoint[]) => chartLabel(symbol, period, points, currency);
  return <PeriodChart title="Price history" periods={CHART_PERIODS} initial={history} load={load} draw={asDrawn} label={label} />;
}
