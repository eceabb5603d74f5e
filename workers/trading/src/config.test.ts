import { describe, expect, it } from "vitest";
import { loadTradingConfig } from "./config";

describe("trading config", () => {
  it("rule: STARTING_CASH defaults to 100000.00 (in cents)", () => {
    expect(loadTradingConfig({ ENVIRONMENT: "test" }).STARTING_CASH).toBe(10_000_000n);
  });

  it("rule: TRADING_HOURS defaults to always in development and tests and exchange in production", () => {
    expect(loadTradingConfig({ ENVIRONMENT: "test" }).TRADING_HOURS).toBe("always");
    expect(loadTradingConfig({ ENVIRONMENT: "development" }).TRADING_HOURS).toBe("always");
    expect(loadTradingConfig({ ENVIRONMENT: "production" }).TRADING_HOURS).toBe("exchange");
    expect(loadTradingConfig({ ENVIRONMENT: "production", TRADING_HOURS: "always" }).TRADING_HOURS).toBe("always");
  });

  it("reads a starting cash with up to 2 decimals", () => {
    expect(loadTradingConfig({ ENVIRONMENT: "test", STARTING_CASH: " 2500.5 " }).STARTING_CASH).toBe(250_050n);
  });

  it("refuses a malformed TRADING_HOURS or STARTING_CASH, naming it", () => {
    expect(() => loadTradingConfig({ ENVIRONMENT: "test", TRADING_HOURS: "sometimes" })).toThrow(/TRADING_HOURS is malformed: must be always or exchange/);
    for (const bad of ["0", "-1.00", "12.345", "1e5", "abc", "10000000.01"]) {
      expect(() => loadTradingConfig({ ENVIRONMENT: "test", STARTING_CASH: bad })).toThrow(/STARTING_CASH is malformed/);
    }
    expect(() => loadTradingConfig({ ENVIRONMENT: "test", STARTING_CASH: 100000 })).toThrow(/STARTING_CASH is malformed: must be decimal text/);
  });
});
