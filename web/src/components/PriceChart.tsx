/**
 * The stock page's price chart: TradingView lightweight-charts, in a chunk of its own
 * (the stock page loads it lazily). attributionLogo is off because the library's logo
 * injects a <style> element, which the CSP (style-src 'self') refuses; the visible link
 * below is the attribution its licence asks for instead.
 */
import { AreaSeries, ColorType, createChart, type IChartApi, type ISeriesApi } from "lightweight-charts";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { directionOf } from "./Change";
import type { PricePoint } from "./chart-periods";
import styles from "./PriceChart.module.css";

const DARK = "(prefers-color-scheme: dark)";
const subscribeToScheme = (onChange: () => void) => {
  const query = matchMedia(DARK);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};
const isDark = () => matchMedia(DARK).matches;

/** The page's own colours (styles.css), so the chart follows the light and dark schemes. */
function paint(chart: IChartApi, series: ISeriesApi<"Area">, points: readonly PricePoint[]) {
  const css = getComputedStyle(document.documentElement);
  const color = (name: string) => css.getPropertyValue(name).trim();
  const first = points[0]?.close ?? 0;
  const last = points.at(-1)?.close ?? 0;
  const line = directionOf(first === 0 ? 0 : ((last - first) / first) * 100) === "down" ? color("--down") : color("--up");
  chart.applyOptions({
    layout: { background: { type: ColorType.Solid, color: color("--surface") }, textColor: color("--muted"), attributionLogo: false },
    grid: { vertLines: { color: color("--border") }, horzLines: { color: color("--border") } },
    rightPriceScale: { borderColor: color("--border") },
    timeScale: { borderColor: color("--border") },
  });
  // The scheme's colours are #rrggbb: two more hex digits make the fill translucent.
  series.applyOptions({ lineColor: line, topColor: `${line}55`, bottomColor: `${line}08` });
}

export function PriceChart({ label, points, busy }: { label: string; points: readonly PricePoint[]; busy: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ chart: IChartApi; series: ISeriesApi<"Area"> }>();
  const dark = useSyncExternalStore(subscribeToScheme, isDark);

  useEffect(() => {
    const chart = createChart(container.current!, {
      autoSize: true,
      layout: { attributionLogo: false },
      // The page scrolls under the wheel; dragging and pinching still pan and zoom.
      handleScroll: { mouseWheel: false },
      handleScale: { mouseWheel: false },
    });
    setDrawn({ chart, series: chart.addSeries(AreaSeries, { lineWidth: 2, priceLineVisible: false }) });
    return () => chart.remove();
  }, []);

  useEffect(() => {
    if (!drawn) return;
    drawn.series.setData(points.map((p) => ({ time: p.date, value: p.close })));
    paint(drawn.chart, drawn.series, points);
    drawn.chart.timeScale().fitContent();
  }, [drawn, points, dark]);

  return (
    <figure className={styles.figure}>
      <div ref={container} className={styles.chart} role="img" aria-label={label} aria-busy={busy} />
      <figcaption className={styles.attribution}>
        Chart by <a href="https://www.tradingview.com/">TradingView</a> Lightweight Charts
      </figcaption>
    </figure>
  );
}
