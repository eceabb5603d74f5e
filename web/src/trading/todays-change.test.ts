import { describe, expect, it } from "vitest";
import { todaysChange } from "./todays-change";

describe("today's change", () => {
  it("is the last point (today's equity) minus the one before it (the previous close)", () => {
    const history = [
      { date: "2026-11-27", equity: "99000.00" },
      { date: "2026-11-30", equity: "100000.00" },
      { date: "2026-12-01", equity: "101234.56" },
    ];
    expect(todaysChange(history, "100000.00")).toEqual({ amount: "1234.56", percent: 1.23456 });
  });

  it("is negative when today is below the previous close", () => {
    const history = [
      { date: "2026-11-30", equity: "100000.00" },
      { date: "2026-12-01", equity: "99999.99" },
    ];
    expect(todaysChange(history, "100000.00")).toEqual({ amount: "-0.01", percent: -0.00001 });
  });

  it("is equity minus net deposits for an account opened or reset today (only today's point)", () => {
    expect(todaysChange([{ date: "2026-12-01", equity: "100050.25" }], "100000.00")).toEqual({ amount: "50.25", percent: 0.05025 });
  });

  it("has no percent of a zero base, and nothing without a point or with a figure that is not cash text", () => {
    expect(
      todaysChange(
        [
          { date: "2026-11-30", equity: "0.00" },
          { date: "2026-12-01", equity: "10.00" },
        ],
        "100.00",
      ),
    ).toEqual({ amount: "10.00", percent: null });
    expect(todaysChange([], "100000.00")).toBeNull();
    expect(todaysChange([{ date: "2026-12-01", equity: "1e5" }], "100000.00")).toBeNull();
  });
});
