import { describe, expect, it } from "vitest";
import { SATURDAY, WEDNESDAY_NOON } from "../../test/support";
import { addDays, isTradingDay } from "../../../../shared/exchange-calendar";
import { seedInstruments } from "../seed/instruments";
import { BUCKET_MS, createSimulatedProvider, SIMULATED_EPOCH } from "./simulated";

const at = (iso: string) => new Date(iso);

describe("simulated provider", () => {
  it("answers the same quote for the same instant, even from a fresh instance", async () => {
    const a = await createSimulatedProvider().quotes(["AAPL", "SPY"], WEDNESDAY_NOON);
    const b = await createSimulatedProvider().quotes(["AAPL", "SPY"], new Date(WEDNESDAY_NOON));
    expect(a).toEqual(b);
    expect(a.get("AAPL")).toMatchObject({ symbol: "AAPL", source: "simulated", marketState: "REGULAR", stale: false });
  });

  it("is constant within a time bucket and moves between buckets", async () => {
    const provider = createSimulatedProvider();
    const start = await provider.quotes(["AAPL"], WEDNESDAY_NOON);
    const sameBucket = await provider.quotes(["AAPL"], new Date(WEDNESDAY_NOON.getTime() + BUCKET_MS - 1));
    expect(sameBucket).toEqual(start);
    const prices = new Set<number>();
    for (let i = 1; i <= 10; i++) prices.add((await provider.quotes(["AAPL"], new Date(WEDNESDAY_NOON.getTime() + i * BUCKET_MS))).get("AAPL")!.price);
    expect(prices.size).toBeGreaterThan(1);
  });

  it("keeps every intraday price within the day's range, with consistent derived fields", async () => {
    const provider = createSimulatedProvider();
    for (let minute = 0; minute < 390; minute += 13) {
      const q = (await provider.quotes(["NVDA"], new Date(Date.parse("2026-11-18T14:30:00Z") + minute * 60_000))).get("NVDA")!;
      expect(q.price).toBeGreaterThanOrEqual(q.dayLow);
      expect(q.price).toBeLessThanOrEqual(q.dayHigh);
      expect(q.dayLow).toBeGreaterThanOrEqual(q.yearLow);
      expect(q.dayHigh).toBeLessThanOrEqual(q.yearHigh);
      expect(q.change).toBeCloseTo(q.price - q.previousClose, 2);
      expect(q.changePercent).toBeCloseTo(((q.price - q.previousClose) / q.previousClose) * 100, 3);
    }
  });

  it("follows the US/Eastern session: pre-market, regular, after hours, closed, weekend", async () => {
    const state = async (iso: string) => (await createSimulatedProvider().quotes(["MSFT"], at(iso))).get("MSFT")!.marketState;
    expect(await state("2026-11-18T13:00:00Z")).toBe("PRE"); // 08:00 EST
    expect(await state("2026-11-18T14:30:00Z")).toBe("REGULAR"); // 09:30 EST
    expect(await state("2026-11-18T21:30:00Z")).toBe("POST"); // 16:30 EST
    expect(await state("2026-11-19T03:00:00Z")).toBe("CLOSED"); // 22:00 EST
    expect(await state("2026-07-15T13:45:00Z")).toBe("REGULAR"); // 09:45 EDT
    expect(await state(SATURDAY.toISOString())).toBe("CLOSED");
  });

  it("shows Friday's close all weekend, observed at Friday's close", async () => {
    const provider = createSimulatedProvider();
    const saturday = (await provider.quotes(["AAPL"], SATURDAY)).get("AAPL")!;
    const sunday = (await provider.quotes(["AAPL"], at("2026-11-22T20:00:00Z"))).get("AAPL")!;
    expect(sunday).toEqual(saturday);
    expect(saturday.asOf).toBe("2026-11-20T21:00:00.000Z");
    const [friday] = await provider.history("AAPL", "2026-11-20", "2026-11-20", SATURDAY);
    expect(saturday.price).toBe(friday!.close);
  });

  it("has more than five years of weekday bars for every seeded instrument, with no network", async () => {
    const provider = createSimulatedProvider();
    const fiveYearsAgo = addDays(WEDNESDAY_NOON.toISOString().slice(0, 10), -5 * 366);
    for (const { symbol } of seedInstruments) {
      const bars = await provider.history(symbol, "1970-01-01", "2026-11-18", WEDNESDAY_NOON);
      expect(bars[0]!.date).toBe(SIMULATED_EPOCH);
      expect(bars[0]!.date < fiveYearsAgo).toBe(true);
      expect(bars.at(-1)!.date).toBe("2026-11-18");
      expect(bars.every((b) => isTradingDay(b.date) && b.low <= Math.min(b.open, b.close) && b.high >= Math.max(b.open, b.close))).toBe(true);
    }
  });

  it("knows nothing of symbols outside its universe", async () => {
    const provider = createSimulatedProvider();
    expect((await provider.quotes(["NOPE"], WEDNESDAY_NOON)).size).toBe(0);
    expect(await provider.history("NOPE", "2026-01-01", "2026-11-18", WEDNESDAY_NOON)).toEqual([]);
    expect((await provider.instruments(["NOPE", "SPY"])).get("SPY")?.instrumentType).toBe("ETF");
  });
});
