import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { countingDatabase, D1_MAX_BOUND_PARAMETERS, countingProvider, failingProvider, log, resetState, SATURDAY, testDeps } from "../test/support";
import { getHistory } from "./history";
import { isTradingDay, periodWindow } from "../../../shared/exchange-calendar";
import type { QuoteProvider } from "./providers/provider";
import { createSimulatedProvider } from "./providers/simulated";
import { historyBars } from "../../gateway/src/hardening/response-maxima";
import { HISTORY_PERIODS, type HistoryPeriod } from "./contract";

beforeEach(resetState);

/** The first date each period may show on Wednesday 2026-11-18. */
const windowStart: Record<HistoryPeriod, string> = {
  ONE_DAY: "2026-11-18",
  FIVE_DAYS: "2026-11-12",
  ONE_MONTH: "2026-10-18",
  THREE_MONTHS: "2026-08-18",
  SIX_MONTHS: "2026-05-18",
  YEAR_TO_DATE: "2026-01-01",
  ONE_YEAR: "2025-11-18",
  TWO_YEARS: "2024-11-18",
  FIVE_YEARS: "2021-11-18",
  MAX: "2019-01-02",
};

/** Records every history call a provider receives. */
function recordingProvider(calls: [string, string, string][]): QuoteProvider {
  const simulated = createSimulatedProvider();
  return {
    ...simulated,
    history(symbol, from, to, now) {
      calls.push([symbol, from, to]);
      return simulated.history(symbol, from, to, now);
    },
  };
}

describe("periodWindow", () => {
  // The gateway refuses a query whose response could pass 5 MB, counting a period's bars by historyBars.
  it("spans no more days than the gateway's response bound counts, on any day", () => {
    for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2030, 0, 1); day += 86_400_000) {
      const today = new Date(day).toISOString().slice(0, 10);
      for (const period of HISTORY_PERIODS) {
        const window = periodWindow(period, today);
        // Its first and last day, plus a bar a provider dates a day ahead of New York.
        const days = window.lastSessions ?? (day - Date.parse(`${window.from}T00:00:00Z`)) / 86_400_000 + 2;
        if (historyBars(period, day) < days) throw new Error(`${period} on ${today}: ${historyBars(period, day)} < ${days}`);
      }
    }
  });
});

describe("history", () => {
  it.each(HISTORY_PERIODS)("%s: trading days oldest first, from the period's start to today", async (period) => {
    const { AAPL: candles } = await getHistory(testDeps(), ["AAPL"], period, log);
    expect(candles?.length).toBeGreaterThan(0);
    const dates = candles!.map((c) => c.date);
    expect(dates.at(-1)).toBe("2026-11-18");
    expect(dates[0]! >= windowStart[period]).toBe(true);
    expect(dates.every((d, i) => isTradingDay(d) && (i === 0 || d > dates[i - 1]!))).toBe(true);
    if (period === "ONE_DAY") expect(dates).toEqual(["2026-11-18"]);
    if (period === "FIVE_DAYS") expect(dates).toEqual(["2026-11-12", "2026-11-13", "2026-11-16", "2026-11-17", "2026-11-18"]);
    if (period === "MAX") expect(dates[0]).toBe(windowStart.MAX);
    else expect(dates[0]! <= "2026-11-18").toBe(true);
  });

  it("covers whole periods (a month is every trading day since the same date last month)", async () => {
    const { AAPL: month } = await getHistory(testDeps(), ["AAPL"], "ONE_MONTH", log);
    expect(month!.map((c) => c.date).slice(0, 2)).toEqual(["2026-10-19", "2026-10-20"]);
    expect(month).toHaveLength(23);
  });

  it("gives the last 1 and 5 trading days on a weekend", async () => {
    const deps = testDeps({ at: SATURDAY });
    expect((await getHistory(deps, ["MSFT"], "ONE_DAY", log)).MSFT!.map((c) => c.date)).toEqual(["2026-11-20"]);
    expect((await getHistory(deps, ["MSFT"], "FIVE_DAYS", log)).MSFT!.map((c) => c.date)).toEqual([
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
    ]);
  });

  it("derives each change from the previous close, across the window's start and weekends", async () => {
    const { SPY: max } = await getHistory(testDeps(), ["SPY"], "MAX", log);
    const { SPY: week } = await getHistory(testDeps(), ["SPY"], "FIVE_DAYS", log);
    expect(max![0]).toMatchObject({ change: 0, changePercent: 0 });
    for (const candle of week!) {
      const index = max!.findIndex((c) => c.date === candle.date);
      const previous = max![index - 1]!.close;
      expect(candle.change).toBeCloseTo(candle.close - previous, 4);
      expect(candle.changePercent).toBeCloseTo(((candle.close - previous) / previous) * 100, 3);
      expect(candle).toEqual(max![index]);
    }
    expect(week![1]!.date).toBe("2026-11-13");
    expect(week![2]!.change).toBeCloseTo(week![2]!.close - week![1]!.close, 4); // Monday against Friday
  });

  it("serves a second identical request from D1 without a provider call", async () => {
    const provider = countingProvider(createSimulatedProvider());
    const first = await getHistory(testDeps({ providers: [provider.target] }), ["AAPL", "TSLA"], "ONE_YEAR", log);
    expect(provider.calls["simulated.history"]).toBe(2);
    const counted = countingDatabase();
    const second = await getHistory(testDeps({ providers: [provider.target], db: counted.db }), ["AAPL", "TSLA"], "ONE_YEAR", log);
    expect(provider.calls["simulated.history"]).toBe(2);
    expect(second).toEqual(first);
    expect(counted.roundTrips).toBe(2);
  });

  it("fetches only the ranges outside what is stored", async () => {
    const calls: [string, string, string][] = [];
    const provider = recordingProvider(calls);
    await getHistory(testDeps({ providers: [provider] }), ["AAPL"], "ONE_MONTH", log);
    expect(calls).toEqual([["AAPL", "2026-10-08", "2026-11-18"]]);
    await getHistory(testDeps({ providers: [provider] }), ["AAPL"], "ONE_YEAR", log);
    expect(calls[1]).toEqual(["AAPL", "2025-11-08", "2026-10-08"]);
    // The next day only the recent end is fetched.
    await getHistory(testDeps({ providers: [provider], at: new Date("2026-11-19T17:00:00Z") }), ["AAPL"], "ONE_YEAR", log);
    expect(calls[2]).toEqual(["AAPL", "2026-11-18", "2026-11-19"]);
    expect(calls).toHaveLength(3);
  });

  it("stores five years of bars in one round trip, every statement within D1's bound-parameter limit", async () => {
    const counted = countingDatabase();
    const { AAPL: candles } = await getHistory(testDeps({ db: counted.db }), ["AAPL"], "FIVE_YEARS", log);
    expect(candles!.length).toBeGreaterThan(1_250);
    expect(counted.roundTrips).toBe(3); // coverage read, one batch of writes, bars read
    expect(Math.max(...counted.statements.map((s) => s.params.length))).toBeLessThanOrEqual(D1_MAX_BOUND_PARAMETERS);
    const stored = await env.STOCK_DB.prepare("SELECT count(*) AS n FROM daily_bars WHERE symbol = 'AAPL'").first<{ n: number }>();
    expect(stored!.n).toBeGreaterThanOrEqual(candles!.length);
  });

  it("serves stored bars when every provider fails, and leaves unknown symbols out", async () => {
    const stored = await getHistory(testDeps(), ["AAPL"], "ONE_MONTH", log);
    const failing = testDeps({ providers: [failingProvider("yahoo")], at: new Date("2026-11-18T18:00:00Z") });
    expect(await getHistory(failing, ["AAPL", "MSFT"], "ONE_MONTH", log)).toEqual(stored);
    expect(await getHistory(testDeps(), ["NOSUCH"], "ONE_MONTH", log)).toEqual({});
    const coverage = await env.STOCK_DB.prepare("SELECT count(*) AS n FROM bar_coverage WHERE symbol = 'NOSUCH'").first<{ n: number }>();
    expect(coverage!.n).toBe(0);
  });
});
