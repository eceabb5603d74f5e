import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { countingDatabase, countingProvider, failingProvider, log, resetState, testDeps, WEDNESDAY_NOON } from "../test/support";
import { unknownSymbolKey } from "./cache/quote-cache";
import { getInstruments, METADATA_MAX_AGE_MS } from "./instruments";
import type { QuoteProvider } from "./providers/provider";
import { createSimulatedProvider } from "./providers/simulated";

beforeEach(resetState);

function collectingDeps(at: Date, provider: { target: QuoteProvider; calls: Record<string, number> } = countingProvider(createSimulatedProvider())) {
  const background: Promise<unknown>[] = [];
  const counted = countingDatabase();
  return { deps: { ...testDeps({ providers: [provider.target], at, db: counted.db }), waitUntil: (p: Promise<unknown>) => background.push(p) }, background, provider, counted };
}

const refreshedAt = async (symbol: string) =>
  (await env.STOCK_DB.prepare("SELECT refreshed_at AS at FROM instruments WHERE symbol = ?").bind(symbol).first<{ at: string }>())?.at;

describe("instruments", () => {
  it("asks the providers once for unknown instruments, then answers from D1", async () => {
    const first = collectingDeps(WEDNESDAY_NOON);
    const answer = await getInstruments(first.deps, ["AAPL", "NOSUCH"], log);
    expect(Object.keys(answer)).toEqual(["AAPL"]);
    expect(first.provider.calls["simulated.instruments"]).toBe(1);
    const second = collectingDeps(WEDNESDAY_NOON, first.provider);
    expect(await getInstruments(second.deps, ["AAPL"], log)).toEqual(answer);
    expect(first.provider.calls["simulated.instruments"]).toBe(1);
    expect(second.counted.roundTrips).toBe(1);
    expect(second.background).toHaveLength(0);
  });

  it("refreshes metadata older than seven days in the background, after answering", async () => {
    await getInstruments(collectingDeps(WEDNESDAY_NOON).deps, ["MSFT"], log);
    await env.STOCK_DB.prepare("UPDATE instruments SET name = 'Old name' WHERE symbol = 'MSFT'").run();
    const within = collectingDeps(new Date(WEDNESDAY_NOON.getTime() + METADATA_MAX_AGE_MS - 1));
    await getInstruments(within.deps, ["MSFT"], log);
    expect(within.background).toHaveLength(0);

    const later = new Date(WEDNESDAY_NOON.getTime() + METADATA_MAX_AGE_MS + 60_000);
    const after = collectingDeps(later);
    const answer = await getInstruments(after.deps, ["MSFT"], log);
    expect(answer.MSFT?.name).toBe("Old name"); // answered at once from what is stored
    expect(after.background).toHaveLength(1);
    await Promise.all(after.background);
    expect(await refreshedAt("MSFT")).toBe(later.toISOString());
    const row = await env.STOCK_DB.prepare("SELECT name FROM instruments WHERE symbol = 'MSFT'").first<{ name: string }>();
    expect(row?.name).toBe("Microsoft Corporation");
  });

  it("remembers symbols no provider knows, but not symbols the providers failed to answer", async () => {
    const first = collectingDeps(WEDNESDAY_NOON);
    expect(await getInstruments(first.deps, ["NOSUCH"], log)).toEqual({});
    expect(await getInstruments(collectingDeps(WEDNESDAY_NOON, first.provider).deps, ["NOSUCH"], log)).toEqual({});
    expect(first.provider.calls["simulated.instruments"]).toBe(1);
    expect(await env.QUOTE_CACHE.get(unknownSymbolKey("NOSUCH"))).not.toBeNull();

    const failing = collectingDeps(WEDNESDAY_NOON, countingProvider(failingProvider("yahoo")));
    expect(await getInstruments(failing.deps, ["AAPL"], log)).toEqual({});
    expect(await env.QUOTE_CACHE.get(unknownSymbolKey("AAPL"))).toBeNull();
    expect(Object.keys(await getInstruments(collectingDeps(WEDNESDAY_NOON).deps, ["AAPL"], log))).toEqual(["AAPL"]);
  });
});
