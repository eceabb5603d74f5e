import { describe, expect, it } from "vitest";
import { drawEquity, EQUITY_PERIODS, equityChartLabel } from "./equity-chart";

describe("the equity chart", () => {
  it("is named for what its line says, the change computed exactly", () => {
    const points = [
      { date: "2026-11-27", equity: "100000.00" },
      { date: "2026-11-30", equity: "99000.00" },
      { date: "2026-12-01", equity: "100512.30" },
    ];
    expect(equityChartLabel("ONE_MONTH", points, "USD", "en-US")).toBe(
      "Equity chart, 1 month: 3 daily points from Nov 27, 2026 to Dec 1, 2026, $100,000.00 to $100,512.30, +0.51%",
    );
    expect(equityChartLabel("ONE_YEAR", [points[0]!], "USD", "en-US")).toBe("Equity chart, 1 year: $100,000.00 on Nov 27, 2026");
    expect(equityChartLabel("FIVE_DAYS", [], "USD", "en-US")).toBe("Equity chart, 5 days: no equity figures for this period");
  });

  it("offers every period but one day, and draws each point", () => {
    expect(EQUITY_PERIODS.map((p) => p.label)).toEqual(["5D", "1M", "6M", "1Y", "5Y"]);
    expect(drawEquity([{ date: "2026-12-01", equity: "100512.30" }])).toEqual([{ date: "2026-12-01", close: 100512.3 }]);
  });
});
