import { describe, expect, it } from "vitest";
import { countingProvider, failingProvider, log, WEDNESDAY_NOON } from "../../test/support";
import type { Quote } from "../contract";
import { createProviderChain } from "./chain";
import type { QuoteProvider } from "./provider";
import { createSimulatedProvider } from "./simulated";

/** A provider that knows only some symbols, answering as `name`. */
function partialProvider(name: string, known: string[]): QuoteProvider {
  const simulated = createSimulatedProvider();
  return {
    ...simulated,
    name,
    async quotes(symbols, now) {
      const answer = await simulated.quotes(symbols.filter((s) => known.includes(s)), now);
      return new Map([...answer].map(([s, q]): [string, Quote] => [s, { ...q, source: name }]));
    },
  };
}

describe("provider chain", () => {
  it("tries providers in order and records which one answered", async () => {
    const calls: Record<string, number> = {};
    const fmp = countingProvider(failingProvider("fmp"), calls);
    const yahoo = countingProvider(partialProvider("yahoo", ["AAPL"]), calls);
    const simulated = countingProvider(createSimulatedProvider(), calls);
    const chain = createProviderChain([fmp.target, yahoo.target, simulated.target]);
    const quotes = await chain.quotes(["AAPL", "MSFT"], WEDNESDAY_NOON, log);
    expect(quotes.get("AAPL")?.source).toBe("yahoo");
    expect(quotes.get("MSFT")?.source).toBe("simulated");
    expect(calls).toEqual({ "fmp.quotes": 1, "yahoo.quotes": 1, "simulated.quotes": 1 });
  });

  it("stops at the first provider that answers everything", async () => {
    const calls: Record<string, number> = {};
    const first = countingProvider(createSimulatedProvider(), calls);
    const second = countingProvider(failingProvider("yahoo"), calls);
    await createProviderChain([first.target, second.target]).quotes(["AAPL"], WEDNESDAY_NOON, log);
    expect(calls).toEqual({ "simulated.quotes": 1 });
  });

  it("answers nothing, without throwing, when every provider fails a quote", async () => {
    const chain = createProviderChain([failingProvider("fmp"), failingProvider("yahoo")]);
    expect((await chain.quotes(["AAPL"], WEDNESDAY_NOON, log)).size).toBe(0);
  });

  it("falls back for history and search, and throws when every provider failed", async () => {
    const chain = createProviderChain([failingProvider("fmp"), createSimulatedProvider()]);
    expect((await chain.history("AAPL", "2026-11-16", "2026-11-18", WEDNESDAY_NOON, log)).map((b) => b.date)).toEqual([
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
    ]);
    expect((await chain.search("apple", 5, log))[0]?.symbol).toBe("AAPL");
    const dead = createProviderChain([failingProvider("fmp"), failingProvider("yahoo")]);
    await expect(dead.history("AAPL", "2026-11-16", "2026-11-18", WEDNESDAY_NOON, log)).rejects.toThrow(/every provider failed/);
  });
});
