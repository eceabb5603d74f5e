/** The stock Worker as the gateway reaches it: built from its config, over Workers RPC, with its real D1 and KV. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import type { StockRpc } from "../src/contract.ts";

let platform: Platform;
let stock: StockRpc;
beforeAll(async () => {
  platform = await startPlatform();
  stock = await platform.rpc("stock");
});
afterAll(() => platform?.stop());

const meta = { requestId: "stock-integration-0001" };

describe("stock over Workers RPC", () => {
  it("answers instruments, quotes, history and search from the simulated provider offline", async () => {
    const instruments = await stock.instruments(meta, ["aapl", "SPY", "NOSUCH"]);
    expect(instruments.ok && Object.keys(instruments.value).sort()).toEqual(["AAPL", "SPY"]);

    const quotes = await stock.quotes(meta, ["AAPL", "SPY"]);
    if (!quotes.ok) throw new Error(quotes.error.message);
    expect(quotes.value.AAPL).toMatchObject({ symbol: "AAPL", source: "simulated", stale: false });
    const again = await stock.quotes(meta, ["AAPL"]);
    expect(again.ok && again.value.AAPL).toEqual(quotes.value.AAPL); // from the cache, within the freshness window

    const history = await stock.history(meta, ["AAPL"], "FIVE_DAYS");
    if (!history.ok) throw new Error(history.error.message);
    expect(history.value.AAPL).toHaveLength(5);

    const search = await stock.search(meta, "apple", 5);
    expect(search.ok && search.value[0]?.symbol).toBe("AAPL");
  });

  it("answers bad input as BAD_USER_INPUT values", async () => {
    const tooMany = await stock.quotes(meta, Array.from({ length: 101 }, (_, i) => `S${i}`));
    expect(tooMany).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
  });
});
