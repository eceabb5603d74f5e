import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { network, useNetworkMocks } from "../../../../shared/testing/msw-network";
import { createFmpProvider, FMP_BASE_URL } from "./fmp";
import batchQuote from "./fixtures/fmp-batch-quote.json";
import eod from "./fixtures/fmp-historical-price-eod.json";
import profile from "./fixtures/fmp-profile.json";
import searchSymbol from "./fixtures/fmp-search-symbol.json";
import { ProviderError } from "./provider";

useNetworkMocks();

const fmp = createFmpProvider({ apiKey: "test-key", timeoutMs: 200 });
const now = new Date("2025-11-18T16:00:00Z");

describe("fmp provider", () => {
  it("quotes a batch with one batch-quote call, API key attached", async () => {
    const asked: URL[] = [];
    network.use(
      http.get(`${FMP_BASE_URL}/batch-quote`, ({ request }) => {
        asked.push(new URL(request.url));
        return HttpResponse.json(batchQuote);
      }),
    );
    const quotes = await fmp.quotes(["AAPL", "MSFT"], now);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.searchParams.get("symbols")).toBe("AAPL,MSFT");
    expect(asked[0]!.searchParams.get("apikey")).toBe("test-key");
    expect(quotes.get("AAPL")).toEqual({
      symbol: "AAPL",
      price: 268.56,
      open: 267.9,
      previousClose: 267.46,
      change: 1.1,
      changePercent: 0.4113,
      volume: 40424500,
      marketCap: 3968598000000,
      dayLow: 265.32,
      dayHigh: 270.7,
      yearLow: 169.21,
      yearHigh: 277.32,
      source: "fmp",
      asOf: "2025-11-18T17:00:00.000Z",
      marketState: "REGULAR",
      stale: false,
    });
    expect(quotes.get("MSFT")?.price).toBe(493.79);
  });

  it("quotes one symbol with the quote endpoint", async () => {
    network.use(
      http.get(`${FMP_BASE_URL}/quote`, ({ request }) =>
        new URL(request.url).searchParams.get("symbol") === "AAPL" ? HttpResponse.json([batchQuote[0]]) : HttpResponse.json([]),
      ),
    );
    expect((await fmp.quotes(["AAPL"], now)).get("AAPL")?.source).toBe("fmp");
  });

  it("fails on an HTTP error (a bad key)", async () => {
    network.use(http.get(`${FMP_BASE_URL}/quote`, () => HttpResponse.json({ "Error Message": "Invalid API KEY." }, { status: 401 })));
    await expect(fmp.quotes(["AAPL"], now)).rejects.toThrow(new ProviderError("fmp", "HTTP 401"));
  });

  it("fails when the answer does not come within the timeout", async () => {
    network.use(
      http.get(`${FMP_BASE_URL}/quote`, async () => {
        await delay(1_000);
        return HttpResponse.json([batchQuote[0]]);
      }),
    );
    await expect(fmp.quotes(["AAPL"], now)).rejects.toThrow(/no answer within 200 ms/);
  });

  it("fails on a malformed body (an error object where a list belongs)", async () => {
    network.use(http.get(`${FMP_BASE_URL}/quote`, () => HttpResponse.json({ "Error Message": "Limit Reach." })));
    await expect(fmp.quotes(["AAPL"], now)).rejects.toThrow(/malformed body/);
  });

  it("fails on an empty answer", async () => {
    network.use(http.get(`${FMP_BASE_URL}/quote`, () => HttpResponse.json([])));
    await expect(fmp.quotes(["AAPL"], now)).rejects.toThrow(/empty quote answer/);
  });

  it("fails on a zero price rather than quoting it", async () => {
    network.use(http.get(`${FMP_BASE_URL}/quote`, () => HttpResponse.json([{ ...batchQuote[0], price: 0 }])));
    await expect(fmp.quotes(["AAPL"], now)).rejects.toThrow(/must be a positive price/);
  });

  it("reads end-of-day bars and orders them oldest first", async () => {
    let asked: URL | undefined;
    network.use(
      http.get(`${FMP_BASE_URL}/historical-price-eod/full`, ({ request }) => {
        asked = new URL(request.url);
        return HttpResponse.json(eod);
      }),
    );
    const bars = await fmp.history("AAPL", "2025-11-14", "2025-11-18", now);
    expect(Object.fromEntries(asked!.searchParams)).toMatchObject({ symbol: "AAPL", from: "2025-11-14", to: "2025-11-18" });
    expect(bars.map((b) => b.date)).toEqual(["2025-11-14", "2025-11-17", "2025-11-18"]);
    expect(bars[2]).toEqual({ date: "2025-11-18", open: 267.9, high: 270.7, low: 265.32, close: 268.56, volume: 40424500 });
  });

  it("searches with search-symbol", async () => {
    network.use(http.get(`${FMP_BASE_URL}/search-symbol`, () => HttpResponse.json(searchSymbol)));
    expect((await fmp.search("AAPL", 10))[0]).toEqual({ symbol: "AAPL", name: "Apple Inc.", exchange: "NASDAQ", instrumentType: "EQUITY" });
  });

  it("reads instrument metadata from the profile", async () => {
    network.use(http.get(`${FMP_BASE_URL}/profile`, () => HttpResponse.json(profile)));
    expect((await fmp.instruments(["AAPL"])).get("AAPL")).toEqual({
      symbol: "AAPL",
      name: "Apple Inc.",
      exchange: "NASDAQ",
      exchangeFullName: "NASDAQ Global Select",
      currency: "USD",
      instrumentType: "EQUITY",
    });
  });
});
