import { describe, expect, it } from "vitest";
import { equityPoints, symbolsTraded, weekdaysOf, type LedgerDay } from "./equity";

const P = (text: string): bigint => BigInt(text.replace(".", "")) * 100n; // "101.00" -> scale 4
const fill = (symbol: string, quantity: bigint, price: string) => ({ symbol, quantity: quantity * 10_000n, price: P(price) });

const ledger: LedgerDay[] = [
  { date: "2026-11-23", cashAfter: 10_000_000n, fill: null },
  { date: "2026-11-24", cashAfter: 9_900_000n, fill: fill("AAA", 10n, "100.00") },
  { date: "2026-11-25", cashAfter: 9_890_000n, fill: fill("BBB", 5n, "20.00") },
  { date: "2026-11-26", cashAfter: 10_000_000n, fill: fill("AAA", -10n, "110.00") },
];

const closes = {
  AAA: [
    { date: "2026-11-20", close: P("98.00") },
    { date: "2026-11-23", close: P("99.00") },
    { date: "2026-11-24", close: P("101.00") },
    { date: "2026-11-25", close: P("102.50") },
    { date: "2026-11-26", close: P("111.00") },
    { date: "2026-11-27", close: P("112.00") },
    { date: "2026-11-30", close: P("113.00") },
  ],
  // No bar on the 27th: the last close before it stands.
  BBB: [
    { date: "2026-11-24", close: P("19.00") },
    { date: "2026-11-25", close: P("21.00") },
    { date: "2026-11-26", close: P("22.01") },
  ],
};

const days = Object.values(closes).flatMap((bars) => bars.map((bar) => bar.date));

describe("equity history arithmetic", () => {
  it("rule: one point per completed trading day from the day opened, the day's closing equity (cash after the day's activity + positions held at the close x that day's close), then today at current equity", () => {
    expect(equityPoints({ ledger, days, closes, today: "2026-11-30", currentEquity: 10_011_111n })).toEqual([
      { date: "2026-11-23", equity: "100000.00" },
      { date: "2026-11-24", equity: "100010.00" }, // 99000.00 + 10 x 101.00
      { date: "2026-11-25", equity: "100030.00" }, // 98900.00 + 10 x 102.50 + 5 x 21.00
      { date: "2026-11-26", equity: "100110.05" }, // 100000.00 (AAA sold) + 5 x 22.01
      { date: "2026-11-27", equity: "100110.05" },
      { date: "2026-11-30", equity: "100111.11" }, // today once, at current equity
    ]);
  });

  it("rule: the day's cash is the cash after that day's last activity; a day's moving bar for today is not a completed day", () => {
    const sameDay: LedgerDay[] = [
      { date: "2026-11-23", cashAfter: 10_000_000n, fill: null },
      { date: "2026-11-23", cashAfter: 10_050_000n, fill: null },
      { date: "2026-11-23", cashAfter: 9_950_000n, fill: fill("AAA", 1n, "1000.00") },
    ];
    const points = equityPoints({ ledger: sameDay, days, closes, today: "2026-11-24", currentEquity: 1n });
    expect(points).toEqual([
      { date: "2026-11-23", equity: "99599.00" }, // 99500.00 + 1 x 99.00
      { date: "2026-11-24", equity: "0.01" },
    ]);
  });

  it("rule: an account opened (or reset) today has only today's point", () => {
    expect(equityPoints({ ledger: [{ date: "2026-11-30", cashAfter: 10_000_000n, fill: null }], days, closes, today: "2026-11-30", currentEquity: 10_000_000n })).toEqual([
      { date: "2026-11-30", equity: "100000.00" },
    ]);
  });

  it("a held symbol without a bar yet is valued at its fill price", () => {
    const early: LedgerDay[] = [
      { date: "2026-11-20", cashAfter: 10_000_000n, fill: null },
      { date: "2026-11-20", cashAfter: 9_800_000n, fill: fill("BBB", 100n, "20.00") },
    ];
    expect(equityPoints({ ledger: early, days: ["2026-11-20"], closes, today: "2026-11-23", currentEquity: 0n })[0]).toEqual({ date: "2026-11-20", equity: "100000.00" });
  });

  it("names the symbols held at some point, and dates weekdays for an account that held nothing", () => {
    expect(symbolsTraded(ledger)).toEqual(["AAA", "BBB"]);
    expect(weekdaysOf("ONE_MONTH", "2026-12-02", "2026-11-26")).toEqual(["2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(weekdaysOf("FIVE_DAYS", "2026-12-02", "2026-01-01")).toEqual(["2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(weekdaysOf("ONE_DAY", "2026-12-05", "2026-01-01")).toEqual(["2026-12-04"]);
    expect(weekdaysOf("YEAR_TO_DATE", "2026-01-06", "2025-06-01")).toEqual(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"]);
  });
});
