import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { countingCache, countingProvider, failingProvider, log, resetState, testDeps } from "../test/support";
import { createSimulatedProvider } from "./providers/simulated";
import { rank, search } from "./search";

beforeEach(resetState);

const result = (symbol: string, name: string) => ({ symbol, name, exchange: "NASDAQ", instrumentType: "EQUITY" as const });

describe("search", () => {
  it("ranks exact symbol, then symbol prefix, then name matches, without duplicates", () => {
    const ranked = rank("meta", [
      result("MTA", "Metalla Royalty"),
      result("METAX", "Meta Index Fund"),
      result("XYZ", "Something Metaverse"),
      result("META", "Meta Platforms, Inc."),
      result("META", "Meta Platforms, Inc."),
      result("ABC", "Fuzzy"),
    ]);
    expect(ranked.map((r) => r.symbol)).toEqual(["META", "METAX", "MTA", "XYZ", "ABC"]);
  });

  it("caches an answer: the second identical search asks no provider", async () => {
    const provider = countingProvider(createSimulatedProvider());
    const cache = countingCache();
    const deps = testDeps({ providers: [provider.target], cache: cache.target });
    const first = await search(deps, "micro", 5, log);
    expect(first.map((r) => r.symbol)).toEqual(["MSFT", "AMD"]);
    expect(await search(deps, "micro", 5, log)).toEqual(first);
    expect(provider.calls["simulated.search"]).toBe(1);
    expect(cache.calls["cache.getMany"]).toBe(2);
  });

  it("answers from stored instruments when the providers fail", async () => {
    await env.STOCK_DB.prepare(
      "INSERT INTO instruments VALUES ('AAPL', 'Apple Inc.', 'NASDAQ', 'NASDAQ Global Select', 'USD', 'EQUITY', '2026-11-18T00:00:00.000Z')",
    ).run();
    expect(await search(testDeps({ providers: [failingProvider("yahoo")] }), "aap", 5, log)).toEqual([result("AAPL", "Apple Inc.")]);
  });
});
