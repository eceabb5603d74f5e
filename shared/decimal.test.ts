import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cashAmount, divideRounded, formatDecimal, formatTrimmed, fromQuotePrice, parseDecimal, percentOf, rescale } from "./decimal";

describe("exact decimals (trading.md: Money and quantities)", () => {
  it("parses decimal text at a scale, refusing more places than the scale and anything not plain decimal", () => {
    expect(parseDecimal("12.5", 2)).toBe(1250n);
    expect(parseDecimal("-0.0001", 4)).toBe(-1n);
    expect(parseDecimal("100000", 2)).toBe(10_000_000n);
    for (const bad of ["12.345", "1e5", " 1", "1,000", "", ".5", "5.", "+5", "0x10", "NaN", "Infinity", "12345678901234567"]) {
      expect(parseDecimal(bad, 2), bad).toBeNull();
    }
  });

  it("rule: cash, amounts and P&L show exactly 2 decimals; prices and quantities the fewest places", () => {
    expect(formatDecimal(10_000_000n, 2)).toBe("100000.00");
    expect(formatDecimal(-5n, 2)).toBe("-0.05");
    expect(formatDecimal(0n, 2)).toBe("0.00");
    expect(formatDecimal(102_525n, 4)).toBe("10.2525");
    expect(formatTrimmed(15_000n, 4)).toBe("1.5");
    expect(formatTrimmed(10_000n, 4)).toBe("1");
    expect(formatTrimmed(1n, 4)).toBe("0.0001");
    expect(formatTrimmed(0n, 4)).toBe("0");
  });

  it("rule: rounding is half away from zero, both signs", () => {
    expect(divideRounded(5n, 10n)).toBe(1n);
    expect(divideRounded(-5n, 10n)).toBe(-1n);
    expect(divideRounded(4n, 10n)).toBe(0n);
    expect(divideRounded(-4n, 10n)).toBe(0n);
    expect(divideRounded(15n, -10n)).toBe(-2n);
    expect(rescale(12_345n, 4, 2)).toBe(123n);
    expect(rescale(12_350n, 4, 2)).toBe(124n);
    expect(rescale(-12_350n, 4, 2)).toBe(-124n);
    expect(rescale(123n, 2, 4)).toBe(12_300n);
  });

  it("rule: a fill's cash is quantity * price rounded half away from zero to the cent", () => {
    expect(cashAmount(5_000n, 100_100n)).toBe(501n); // 0.5 * 10.01 = 5.005 -> 5.01
    expect(cashAmount(30_000n, 100_050n)).toBe(3_002n); // 3 * 10.005 = 30.015 -> 30.02
    expect(cashAmount(1n, 100_049n)).toBe(0n);
    expect(cashAmount(10_000_000_000n, 10_000_000_000_000n)).toBe(100_000_000_000_000_000n); // 1e6 shares at 1e9: past 2^53, exact
  });

  it("converts the stock service's float price once, without float noise", () => {
    expect(fromQuotePrice(0.1 + 0.2)).toBe(3_000n);
    expect(fromQuotePrice(245.42)).toBe(2_454_200n);
    expect(fromQuotePrice(1e-7)).toBe(0n);
    expect(fromQuotePrice(0.00005)).toBe(1n);
    expect(fromQuotePrice(123456.78905)).toBe(1_234_567_891n);
    expect(fromQuotePrice(-2.5)).toBe(-25_000n);
  });

  it("percentOf is computed in BigInt, a number only at the end; null for a zero whole", () => {
    expect(percentOf(1n, 3n)).toBe(33.333333);
    expect(percentOf(-250n, 10_000n)).toBe(-2.5);
    expect(percentOf(1n, 0n)).toBeNull();
  });

  it("format and parse round-trip at every scale (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n - 10n ** 16n, max: 10n ** 16n - 1n }), fc.integer({ min: 0, max: 4 }), (value, scale) => {
        expect(parseDecimal(formatDecimal(value, scale), scale)).toBe(value);
        expect(parseDecimal(formatTrimmed(value, scale), scale)).toBe(value);
      }),
    );
  });

  it("rounded division is within half a unit and symmetric in sign (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (a, b) => {
        const q = divideRounded(a, b);
        const error = a - q * b;
        expect(2n * (error < 0n ? -error : error) <= b).toBe(true);
        expect(divideRounded(-a, b)).toBe(-q);
      }),
    );
  });
});
