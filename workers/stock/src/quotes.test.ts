import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { countingCache, countingDatabase, countingProvider, failingProvider, log, resetState, testDeps, WEDNESDAY_NOON } from "../test/support";
import { quoteKey } from "./cache/quote-cache";
import { createSimulatedProvider } from "./providers/simulated";
import { getQuotes } from "./quotes";
import { seedInstruments } from "./seed/instruments";

beforeEach(resetState);

const later = (ms: number) => new Date(WEDNESDAY_NOON.getTime() + ms);

describe("quotes", () => {
  it("makes one provider call for 100 concurrent requests of one uncached symbol", async () => {
    const provider = countingProvider(createSimulatedProvider());
    const deps = testDeps({ providers: [provider.target] });
    const answers = await Promise.all(Array.from({ length: 100 }, () => getQuotes(deps, ["AAPL"], log)));
    expect(provider.calls["simulated.quotes"]).toBe(1);
    expect(answers.every((a) => a.AAPL?.price === answers[0]!.AAPL!.price && a.AAPL.source === "simulated")).toBe(true);
    expect(deps.inflight.size).toBe(0);
  });

  it("answers a 50-symbol batch with one cache multi-read, one provider call and at most two D1 queries", async () => {
    const symbols = seedInstruments.slice(0, 50).map((i) => i.symbol);
    const provider = countingProvider(createSimulatedProvider());
    const cache = countingCache();
    const counted = countingDatabase();
    const quotes = await getQuotes(testDeps({ providers: [provider.target], cache: cache.target, db: counted.db }), symbols, log);
    expect(Object.keys(quotes).sort()).toEqual([...symbols].sort());
    expect(cache.calls["cache.getMany"]).toBe(1);
    expect(provider.calls["simulated.quotes"]).toBe(1);
    expect(counted.roundTrips).toBeLessThanOrEqual(2);
    // The answers really reached KV and D1.
    expect(await env.QUOTE_CACHE.get(quoteKey("AAPL"), "json")).toMatchObject({ quote: { symbol: "AAPL" } });
    const stored = await env.STOCK_DB.prepare("SELECT count(*) AS n FROM last_quotes").first<{ n: number }>();
    expect(stored?.n).toBe(50);
  });

  it("answers a 100-symbol batch in one cache read and one provider call, unknown symbols absent", async () => {
    const known = seedInstruments.map((i) => i.symbol);
    const unknown = Array.from({ length: 100 - known.length }, (_, i) => `ZZ${i}`);
    const provider = countingProvider(createSimulatedProvider());
    const cache = countingCache();
    const counted = countingDatabase();
    const quotes = await getQuotes(testDeps({ providers: [provider.target], cache: cache.target, db: counted.db }), [...known, ...unknown], log);
    expect(Object.keys(quotes).sort()).toEqual([...known].sort());
    expect(cache.calls["cache.getMany"]).toBe(1);
    expect(provider.calls["simulated.quotes"]).toBe(1);
    expect(counted.roundTrips).toBeLessThanOrEqual(2);
  });

  it("serves from the cache within the freshness window and asks the provider after it", async () => {
    const provider = countingProvider(createSimulatedProvider());
    const first = await getQuotes(testDeps({ providers: [provider.target] }), ["MSFT"], log);
    const cached = await getQuotes(testDeps({ providers: [provider.target], at: later(29_000) }), ["MSFT"], log);
    expect(provider.calls["simulated.quotes"]).toBe(1);
    expect(cached.MSFT).toEqual(first.MSFT);
    const refreshed = await getQuotes(testDeps({ providers: [provider.target], at: later(31_000) }), ["MSFT"], log);
    expect(provider.calls["simulated.quotes"]).toBe(2);
    expect(refreshed.MSFT?.asOf).not.toBe(first.MSFT?.asOf);
    expect(refreshed.MSFT?.stale).toBe(false);
  });

  it("serves the last known quote, marked stale, when every provider fails", async () => {
    const fresh = await getQuotes(testDeps(), ["TSLA"], log);
    const failing = testDeps({ providers: [failingProvider("yahoo"), failingProvider("fmp")], at: later(60_000) });
    const stale = await getQuotes(failing, ["TSLA"], log);
    expect(stale.TSLA).toEqual({ ...fresh.TSLA, stale: true });
  });

  it("serves the last known quote from D1 when the cache has lost it", async () => {
    const fresh = await getQuotes(testDeps(), ["NVDA"], log);
    await env.QUOTE_CACHE.delete(quoteKey("NVDA"));
    const counted = countingDatabase();
    const stale = await getQuotes(testDeps({ providers: [failingProvider("yahoo")], db: counted.db, at: later(3_600_000) }), ["NVDA"], log);
    expect(stale.NVDA).toEqual({ ...fresh.NVDA, stale: true });
    expect(counted.roundTrips).toBe(1);
  });

  it("leaves out symbols with neither an answer nor a last known quote", async () => {
    expect(await getQuotes(testDeps({ providers: [failingProvider("yahoo")] }), ["AAPL"], log)).toEqual({});
    expect(await getQuotes(testDeps(), ["NOSUCH"], log)).toEqual({});
  });

  it("still answers when the cache is down", async () => {
    const broken = { backend: "kv" as const, getMany: () => Promise.reject(new Error("kv down")), putMany: () => Promise.reject(new Error("kv down")) };
    const quotes = await getQuotes(testDeps({ cache: broken }), ["AAPL"], log);
    expect(quotes.AAPL?.source).toBe("simulated");
  });
});
