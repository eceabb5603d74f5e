import { describe, expect, it } from "vitest";
import type { GatewayContext } from "./context";
import { createLoaders } from "./loaders";

/** A context whose stock service answers every symbol it is sent, recording each batch. */
function stockContext() {
  const batches: string[][] = [];
  const answer = async (_meta: unknown, symbols: string[]) => {
    batches.push(symbols);
    return { ok: true, value: Object.fromEntries(symbols.map((symbol) => [symbol, { symbol }])) };
  };
  const ctx = {
    requestId: "test-request-0001",
    config: { RPC_TIMEOUT_MS: 1_000 },
    metrics: { record: () => {} },
    log: { info: () => {}, error: () => {} },
    env: { STOCK: { instruments: answer, quotes: answer, history: answer } },
  } as unknown as GatewayContext;
  return { ctx, batches };
}

describe("symbol loaders", () => {
  it("send only symbols by the shared rule: a malformed key is null, the keys batched with it answer", async () => {
    const { ctx, batches } = stockContext();
    const loaders = createLoaders(ctx);
    const [good, malformed, alsoGood] = await Promise.all([
      loaders.quotes.load("AAPL"),
      loaders.quotes.load("A^B"),
      loaders.quotes.load("BRK.B"),
    ]);
    expect([good, malformed, alsoGood]).toEqual([{ symbol: "AAPL" }, null, { symbol: "BRK.B" }]);
    expect(batches).toEqual([["AAPL", "BRK.B"]]);
  });

  it("make no call when no key is a symbol", async () => {
    const { ctx, batches } = stockContext();
    expect(await createLoaders(ctx).history("ONE_DAY").load(".")).toBeNull();
    expect(batches).toEqual([]);
  });
});
