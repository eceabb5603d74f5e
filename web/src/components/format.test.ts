import { describe, expect, it } from "vitest";
import {
  formatCompactMoney,
  formatCompactNumber,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatSignedMoney,
  formatTradingDay,
} from "./format";

describe("figures", () => {
  it("formats money in its currency", () => {
    expect(formatMoney(1234.5, "USD", "en-US")).toBe("$1,234.50");
    expect(formatMoney(1234.5, "EUR", "de-DE")).toBe("1.234,50\u00a0€");
  });

  it("falls back to the bare figure for a currency Intl does not know", () => {
    expect(formatMoney(12, "not a currency", "en-US")).toBe("12.00");
  });

  it("signs changes, except zero", () => {
    expect(formatSignedMoney(1.2, "USD", "en-US")).toBe("+$1.20");
    expect(formatSignedMoney(-0.35, "USD", "en-US")).toBe("-$0.35");
    expect(formatSignedMoney(0, "USD", "en-US")).toBe("$0.00");
    expect(formatSignedMoney(-0.001, "USD", "en-US")).toBe("$0.00");
  });

  it("reads the API's percent figures as percent", () => {
    expect(formatPercent(1.5, "en-US")).toBe("+1.50%");
    expect(formatPercent(-2.704, "en-US")).toBe("-2.70%");
    expect(formatPercent(0, "en-US")).toBe("0.00%");
  });

  it("shortens large figures", () => {
    expect(formatCompactNumber(30_120_400, "en-US")).toBe("30.12M");
    expect(formatCompactMoney(3.67e12, "USD", "en-US")).toBe("$3.67T");
  });

  it("writes an instant in the asked time zone and a trading day as it is", () => {
    expect(formatDateTime("2026-12-01T15:04:00.000Z", "en-US", "UTC")).toBe("Dec 1, 2026, 3:04 PM");
    expect(formatTradingDay("2026-12-01", "en-US")).toBe("Dec 1, 2026");
  });
});
