/**
 * SPIKE: TradingView lightweight-charts, loaded only with the stock page (a chunk of its own).
 * attributionLogo off: the library's logo injects a <style> element, which the CSP
 * (style-src 'self') refuses; the notice below is the attribution its licence asks for.
 */
import { AreaSeries, createChart } from "lightweight-charts";
import { useEffect, useRef } from "react";

export default function PriceChart({ symbol, logo = false }: { symbol: string; logo?: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const chart = createChart(container.current, { height: 240, layout: { attributionLogo: logo } });
    const series = chart.addSeries(AreaSeries);
    const day = 86_400;
    const start = Date.UTC(2026, 0, 1) / 1000;
    series.setData(Array.from({ length: 60 }, (_, i) => ({ time: (start + i * day) as never, value: 100 + 10 * Math.sin(i / 6) + i / 4 })));
    return () => chart.remove();
  }, [logo]);
  return (
    <figure>
      <div ref={container} role="img" aria-label={`${symbol} price chart`} />
      <figcaption>
        Charts by <a href="https://www.tradingview.com/">TradingView Lightweight Charts</a>
      </figcaption>
    </figure>
  );
}
