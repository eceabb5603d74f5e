import { describe, expect, it } from "vitest";
import {
  formatCompactMoney,
  formatCompactNumber,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatPrice,
  formatQuantity,
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

  it("formats the trading API's Decimal text exactly, without a float on the way", () => {
    expect(formatMoney("100000.00", "USD", "en-US")).toBe("$100,000.00");
    // 2^53 + 1 cents: a float would print ...992.00.
    expect(formatMoney("90071992547409.93", "USD", "en-US")).toBe("$90,071,992,547,409.93");
    expect(formatSignedMoney("-12.30", "USD", "en-US")).toBe("-$12.30");
    expect(formatSignedMoney("0.00", "USD", "en-US")).toBe("$0.00");
    expect(formatPrice("231.4567", "USD", "en-US")).toBe("$231.4567");
    expect(formatPrice("231.5000", "USD", "en-US")).toBe("$231.50");
    expect(formatQuantity("10.0000", "en-US")).toBe("10");
    expect(formatQuantity("1000.5", "en-US")).toBe("1,000.5");
  });
});
