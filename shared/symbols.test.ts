import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { parseSymbol, TickerSymbol } from "./symbols";

describe("the ticker symbol rule", () => {
  it.each([
    [" aapl ", "AAPL"],
    ["brk.b", "BRK.B"],
    ["BRK-B", "BRK-B"],
    ["^gspc", "^GSPC"],
    ["eurusd=x", "EURUSD=X"],
    ["btc-usd", "BTC-USD"],
    ["0700.HK", "0700.HK"],
    ["A".repeat(20), "A".repeat(20)],
    ["^" + "A".repeat(19), "^" + "A".repeat(19)],
  ])("takes %j as %j", (input, symbol) => {
    expect(parseSymbol(input)).toBe(symbol);
    expect(v.parse(TickerSymbol, input)).toBe(symbol);
  });

  it.each([
    "",
    "   ",
    ".",
    "-",
    "=",
    "^",
    "^^GSPC",
    "A^B",
    ".AAPL",
    "-AAPL",
    "AA PL",
    "AAPL;",
    "<script>",
    "A".repeat(21),
    "^" + "A".repeat(20),
    "💥",
    // Upper-case to ASCII ("SS", "I", "FF"), but are not ASCII symbols.
    "ß",
    "ı",
    "\uFB00",
    "AAPL\u0000",
  ])("refuses %j", (input) => {
    expect(parseSymbol(input)).toBeNull();
    expect(v.safeParse(TickerSymbol, input).success).toBe(false);
  });

  it("says why in the schema's issue", () => {
    const result = v.safeParse(TickerSymbol, ".");
    expect(result.issues?.[0]?.message).toMatch(/^must be a ticker symbol/);
    expect(v.safeParse(TickerSymbol, 42).issues?.[0]?.message).toBe("must be a string");
  });
});
