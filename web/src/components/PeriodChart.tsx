/**
 * A chart of daily figures with period buttons (the stock page's prices, the portfolio's
 * equity). The page's one query brings the default period's points; another period is
 * asked for through `load` (a small query of its own), once per visit: switching back is
 * instant. The canvas (PriceChart, lightweight-charts) is a lazy chunk of its own.
 */
import { lazy, Suspense, useId, useMemo, useRef, useState } from "react";
import type { CombinedError } from "urql";
import { DEFAULT_CHART_PERIOD, type ChartPeriod, type ChartPeriodChoice, type PricePoint } from "./chart-periods";
import styles from "./PeriodChart.module.css";
import { QueryError } from "./QueryState";

const PriceChart = lazy(() => import("./PriceChart").then((module) => ({ default: module.PriceChart })));

export interface PeriodChartProps<Point> {
  title: string;
  periods: readonly ChartPeriodChoice[];
  /** The points of DEFAULT_CHART_PERIOD, from the page's query. */
  initial: readonly Point[];
  load(period: ChartPeriod): Promise<{ points?: readonly Point[] | null; error?: CombinedError }>;
  /** What the canvas draws (a float per day is fine there: it is a picture, not arithmetic). */
  draw(points: readonly Point[]): readonly PricePoint[];
  /** The chart's accessible name: what a sighted reader takes from the line. */
  label(period: ChartPeriod, points: readonly Point[]): string;
}

type Loaded<Point> = Partial<Record<ChartPeriod, readonly Point[]>>;

export function PeriodChart<Point>({ title, periods, initial, load, draw, label }: PeriodChartProps<Point>) {
  const headingId = useId();
  const [loaded, setLoaded] = useState<Loaded<Point>>({ [DEFAULT_CHART_PERIOD]: initial });
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
    const result = await load(period);
    const points = result.points;
    if (points) setLoaded((before) => ({ ...before, [period]: points }));
    if (latest.current !== period) return;
    if (points) setShown(period);
    else if (result.error) setError(result.error);
  };

  const points = loaded[shown] ?? [];
  const drawn = useMemo(() => draw(points), [draw, points]);
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId}>{title}</h2>
      <div role="group" aria-label="Chart period" className={styles.periods}>
        {periods.map(({ label: buttonLabel, period, name }) => (
          <button key={period} type="button" title={name} aria-pressed={period === chosen} onClick={() => void choose(period)}>
            {buttonLabel}
          </button>
        ))}
      </div>
      {error && <QueryError error={error} retry={() => void choose(chosen)} />}
      <Suspense fallback={<p className={`loading ${styles.loading}`}>Loading the chart…</p>}>
        <PriceChart label={label(shown, points)} points={drawn} busy={chosen !== shown && !error} />
      </Suspense>
    </section>
  );
}
