import { beforeEach, describe, expect, it } from "vitest";
import { mainExport } from "../../../shared/testing/main-export";
import { resetState } from "../test/support";
import { rpcMethodNames } from "../../../shared/rpc-server";
import { STOCK_METHODS } from "./contract";
import StockService from "./index";
import { seedInstruments } from "./seed/instruments";
import { HISTORY_PERIODS } from "./contract";

const worker = mainExport<Service<StockService>>();

const meta = { requestId: "test-request-0001" };

beforeEach(resetState);

describe("stock service", () => {
  it("reports healthy with its migrated database and valid config", async () => {
    const report = await worker.health(meta);
    expect(report.service).toBe("stock");
    expect(report.ok).toBe(true);
    expect(Object.values(report.checks).every((check) => check.ok)).toBe(true);
  });

  it("serves exactly the methods of its contract", () => {
    expect(rpcMethodNames(StockService).sort()).toEqual([...STOCK_METHODS].sort());
  });

  it("has no HTTP surface", async () => {
    const response = await worker.fetch("http://stock.internal/anything");
    expect(response.status).toBe(404);
  });
});

describe("instruments", () => {
  it("answers by normalized symbol, unknown symbols absent, duplicates merged", async () => {
    const result = await worker.instruments(meta, [" aapl", "AAPL", "spy ", "NOSUCH"]);
    expect(result).toEqual({
      ok: true,
      value: {
        AAPL: { symbol: "AAPL", name: "Apple Inc.", exchange: "NASDAQ", exchangeFullName: "NASDAQ Global Select", currency: "USD", instrumentType: "EQUITY" },
        SPY: { symbol: "SPY", name: "SPDR S&P 500 ETF Trust", exchange: "NYSEARCA", exchangeFullName: "NYSE Arca", currency: "USD", instrumentType: "ETF" },
      },
    });
  });

  it("answers 100 symbols in one call and refuses 101", async () => {
    const symbols = [...seedInstruments.map((i) => i.symbol), ...Array.from({ length: 100 - seedInstruments.length }, (_, i) => `X${i}`)];
    const result = await worker.instruments(meta, symbols);
    expect(result.ok && Object.keys(result.value).length).toBe(seedInstruments.length);
    const tooMany = await worker.instruments(meta, [...symbols, "ONE.MORE"]);
    expect(tooMany).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "symbols", message: "must list at most 100 symbols" }] } });
  });

  it("refuses an empty list and malformed symbols, naming the field", async () => {
    expect(await worker.instruments(meta, [])).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    expect(await worker.instruments(meta, ["AAPL", "not a symbol!"])).toMatchObject({
      ok: false,
      error: { code: "BAD_USER_INPUT", details: [{ field: "symbols.1" }] },
    });
    expect(await worker.instruments(meta, ["A".repeat(21)])).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    expect(await worker.instruments(meta, [42 as unknown as string])).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    // The one symbol rule of shared/symbols.ts: a caret only in front, ASCII only ("ß" is not "SS").
    for (const symbol of ["^", "A^B", "ß"]) {
      expect(await worker.instruments(meta, [symbol]), symbol).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    }
  });
});

describe("quotes", () => {
  it("quotes known symbols from the simulated provider; unknown ones are absent", async () => {
    const result = await worker.quotes(meta, ["msft", "NOSUCH", "brk.b"]);
    if (!result.ok) throw new Error(result.error.message);
    expect(Object.keys(result.value).sort()).toEqual(["BRK.B", "MSFT"]);
    expect(result.value.MSFT).toMatchObject({ symbol: "MSFT", source: "simulated", stale: false });
    expect(result.value.MSFT!.price).toBeGreaterThan(0);
    expect(Date.parse(result.value.MSFT!.asOf)).not.toBeNaN();
  });

  it("validates like every batch", async () => {
    expect(await worker.quotes(meta, Array.from({ length: 101 }, (_, i) => `S${i}`))).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    expect(await worker.quotes(meta, ["  "])).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
  });
});

describe("history", () => {
  it("answers every period for a batch, oldest first", async () => {
    for (const period of HISTORY_PERIODS) {
      const result = await worker.history(meta, ["AAPL", "spy", "NOSUCH"], period);
      if (!result.ok) throw new Error(result.error.message);
      expect(Object.keys(result.value).sort()).toEqual(["AAPL", "SPY"]);
      const dates = result.value.AAPL!.map((c) => c.date);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it("refuses an unknown period", async () => {
    expect(await worker.history(meta, ["AAPL"], "ONE_WEEK" as never)).toMatchObject({
      ok: false,
      error: { code: "BAD_USER_INPUT", details: [{ field: "period" }] },
    });
  });
});

describe("search", () => {
  it("ranks exact symbol, then symbol prefix, then name", async () => {
    await worker.instruments(meta, seedInstruments.map((i) => i.symbol));
    const result = await worker.search(meta, "goog", 10);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((r) => r.symbol)).toEqual(["GOOG", "GOOGL"]);
    const byName = await worker.search(meta, "  apple ", 5);
    expect(byName).toEqual({ ok: true, value: [{ symbol: "AAPL", name: "Apple Inc.", exchange: "NASDAQ", instrumentType: "EQUITY" }] });
    const prefixFirst = await worker.search(meta, "MA", 25);
    if (!prefixFirst.ok) throw new Error(prefixFirst.error.message);
    expect(prefixFirst.value[0]?.symbol).toBe("MA");
    const symbolsFirst = prefixFirst.value.findIndex((r) => !r.symbol.startsWith("MA"));
    expect(prefixFirst.value.slice(symbolsFirst).every((r) => !r.symbol.startsWith("MA"))).toBe(true);
  });

  it("applies the limit", async () => {
    const result = await worker.search(meta, "a", 3);
    expect(result.ok && result.value).toHaveLength(3);
  });

  it("validates the query and the limit", async () => {
    for (const [query, limit] of [["", 5], ["   ", 5], ["x".repeat(65), 5], ["apple", 0], ["apple", 26], ["apple", 2.5]] as const) {
      expect(await worker.search(meta, query, limit)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    }
  });
});
