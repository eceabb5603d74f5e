import { describe, expect, it } from "vitest";
import { CHART_PERIODS, chartLabel } from "./chart-periods";

describe("chart periods", () => {
  it("are web.md's buttons, each for its history period", () => {
    expect(CHART_PERIODS.map((p) => `${p.label}=${p.period}`)).toEqual([
      "1D=ONE_DAY",
      "5D=FIVE_DAYS",
      "1M=ONE_MONTH",
      "6M=SIX_MONTHS",
      "1Y=ONE_YEAR",
      "5Y=FIVE_YEARS",
    ]);
  });
});

describe("chartLabel", () => {
  const points = [
    { date: "2026-11-02", close: 200 },
    { date: "2026-11-03", close: 190 },
    { date: "2026-12-01", close: 210 },
  ];

  it("names the chart (price chart, symbol, period) and says what the line shows", () => {
    expect(chartLabel("AAPL", "ONE_MONTH", points, "USD", "en-US")).toBe(
      "AAPL price chart, 1 month: 3 daily closes from Nov 2, 2026 to Dec 1, 2026, $200.00 to $210.00, +5.00%",
    );
  });

  it("reads one close and none", () => {
    expect(chartLabel("AAPL", "ONE_DAY", points.slice(2), "USD", "en-US")).toBe("AAPL price chart, 1 day: closed at $210.00 on Dec 1, 2026");
    expect(chartLabel("AAPL", "FIVE_YEARS", [], "USD", "en-US")).toBe("AAPL price chart, 5 years: no prices for this period");
  });
});
