/**
 * The stock page's chart with its period buttons. The page's one query brings the default
 * period's history; another period is a small StockHistory query of its own (only that
 * period's closes), because the quote, the watchlist and the session do not change with
 * the period and re-running the page's query would fetch them all again. Each period is
 * fetched once per visit: switching back is instant.
 */
import { lazy, Suspense, useRef, useState } from "react";
import { useClient, type CombinedError } from "urql";
import { CHART_PERIODS, chartLabel, DEFAULT_CHART_PERIOD, type ChartPeriod, type PricePoint } from "../components/chart-periods";
import { QueryError } from "../components/QueryState";
import { graphql } from "../gql";
import styles from "./Stock.module.css";

const PriceChart = lazy(() => import("../components/PriceChart").then((module) => ({ default: module.PriceChart })));

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

type Loaded = Partial<Record<ChartPeriod, readonly PricePoint[]>>;

export function StockChart({ symbol, currency, history }: { symbol: string; currency: string; history: readonly PricePoint[] }) {
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded>({ [DEFAULT_CHART_PERIOD]: history });
  const [chosen, setChosen] = useState<ChartPeriod>(DEFAULT_CHART_PERIOD);
  const [shown, setShown] = useState<ChartPeriod>(DEFAULT_CHART_PERIOD);
  const [error, setError] = useState<CombinedError>();
  // The latest choice: an answer for a period chosen before it must not replace it.
  const latest = useRef<ChartPeriod>(DEFAULT_CHART_PERIOD);

  const choose = async (period: ChartPeriod) => {
    latest.current = period;
    setChosen(period);
    setError(undefined);
    if (loaded[period]) return setShown(period);
    const result = await client.query(StockHistoryDocument, { symbol, period }).toPromise();
    const points = result.data?.stock?.history;
    if (points) setLoaded((before) => ({ ...before, [period]: points }));
    if (latest.current !== period) return;
    if (points) setShown(period);
    else if (result.error) setError(result.error);
  };

  const points = loaded[shown] ?? [];
  return (
    <section aria-labelledby="price-history" className={styles.chartSection}>
      <h2 id="price-history">Price history</h2>
      <div role="group" aria-label="Chart period" className={styles.periods}>
        {CHART_PERIODS.map(({ label, period, name }) => (
          <button key={period} type="button" title={name} aria-pressed={period === chosen} onClick={() => void choose(period)}>
            {label}
          </button>
        ))}
      </div>
      {error && <QueryError error={error} retry={() => void choose(chosen)} />}
      <Suspense fallback={<p className={`loading ${styles.chartLoading}`}>Loading the chart…</p>}>
        <PriceChart label={chartLabel(symbol, shown, points, currency)} points={points} busy={chosen !== shown && !error} />
      </Suspense>
    </section>
  );
}
