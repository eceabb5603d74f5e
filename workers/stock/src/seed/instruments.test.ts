import { describe, expect, it } from "vitest";
import { parseInput } from "../../../../shared/validation";
import { SymbolsRequest } from "../contract";
import { seedInstruments } from "./instruments";

describe("local seed instruments", () => {
  it("holds at least 50 distinct, valid instruments, the contract's names among them", () => {
    const symbols = seedInstruments.map((i) => i.symbol);
    expect(symbols.length).toBeGreaterThanOrEqual(50);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(symbols.every((s) => {
      const parsed = parseInput(SymbolsRequest, { symbols: [s] });
      return parsed.ok && parsed.value.symbols[0] === s;
    })).toBe(true);
    for (const symbol of ["AAPL", "MSFT", "TSLA", "AMZN", "GOOGL", "META", "NVDA", "NFLX"]) {
      expect(seedInstruments.find((i) => i.symbol === symbol)?.instrumentType).toBe("EQUITY");
    }
    expect(seedInstruments.find((i) => i.symbol === "SPY")?.instrumentType).toBe("ETF");
    expect(seedInstruments.every((i) => i.name && i.exchange && i.exchangeFullName && i.currency)).toBe(true);
  });
});
