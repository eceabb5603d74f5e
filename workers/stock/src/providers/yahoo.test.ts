import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { network, useNetworkMocks } from "../../../../shared/testing/msw-network";
import chartHistory from "./fixtures/yahoo-chart-history.json";
import chartNotFound from "./fixtures/yahoo-chart-not-found.json";
import chartQuote from "./fixtures/yahoo-chart-quote.json";
import searchAnswer from "./fixtures/yahoo-search.json";
import { ProviderError } from "./provider";
import { createYahooProvider, YAHOO_BASE_URL } from "./yahoo";

useNetworkMocks();

const CHART = `${YAHOO_BASE_URL}/v8/finance/chart/:symbol`;
const yahoo = createYahooProvider({ timeoutMs: 200 });
/** Tuesday 2025-11-18, 11:00 New York: inside the fixture's regular session. */
const now = new Date("2025-11-18T16:00:00Z");

const withPrice = (price: number) => {
  const copy = structuredClone(chartQuote);
  copy.chart.result[0]!.meta.regularMarketPrice = price;
  return copy;
};

describe("yahoo provider", () => {
  it("reads a quote from the chart endpoint", async () => {
    let asked: URL | undefined;
    network.use(
      http.get(CHART, ({ request }) => {
        asked = new URL(request.url);
        return HttpResponse.json(chartQuote);
      }),
    );
    const quotes = await yahoo.quotes(["AAPL"], now);
    expect(asked?.pathname).toBe("/v8/finance/chart/AAPL");
    expect(quotes.get("AAPL")).toEqual({
      symbol: "AAPL",
      price: 268.56,
      open: 267.9,
      previousClose: 267.46,
      change: 1.1,
      changePercent: 0.4113,
      volume: 40424500,
      marketCap: null,
      dayLow: 265.32,
      dayHigh: 270.7,
      yearLow: 169.21,
      yearHigh: 277.32,
      source: "yahoo",
      asOf: "2025-11-18T17:00:00.000Z",
      marketState: "REGULAR",
      stale: false,
    });
  });

  it("answers an unknown symbol as absent, not as a failure", async () => {
    network.use(http.get(CHART, () => HttpResponse.json(chartNotFound, { status: 404 })));
    expect((await yahoo.quotes(["NOPE"], now)).size).toBe(0);
  });

  it("fails on an HTTP error", async () => {
    network.use(http.get(CHART, () => HttpResponse.json({ finance: { error: { code: "Too Many Requests" } } }, { status: 429 })));
    await expect(yahoo.quotes(["AAPL"], now)).rejects.toThrow(new ProviderError("yahoo", "HTTP 429"));
  });

  it("fails when the answer does not come within the timeout", async () => {
    network.use(
      http.get(CHART, async () => {
        await delay(1_000);
        return HttpResponse.json(chartQuote);
      }),
    );
    await expect(yahoo.quotes(["AAPL"], now)).rejects.toThrow(/no answer within 200 ms/);
  });

  it("fails on a malformed body", async () => {
    network.use(http.get(CHART, () => HttpResponse.text("<html>upstream error</html>", { headers: { "content-type": "text/html" } })));
    await expect(yahoo.quotes(["AAPL"], now)).rejects.toThrow(/malformed body: not JSON/);
    network.use(http.get(CHART, () => HttpResponse.json({ chart: { result: [{ meta: { symbol: "AAPL" } }], error: null } })));
    await expect(yahoo.quotes(["AAPL"], now)).rejects.toThrow(/malformed body at chart.result.0/);
  });

  it("fails on an empty chart", async () => {
    network.use(http.get(CHART, () => HttpResponse.json({ chart: { result: [], error: null } })));
    await expect(yahoo.quotes(["AAPL"], now)).rejects.toThrow(/empty chart/);
  });

  it("fails on a zero price rather than quoting it", async () => {
    network.use(http.get(CHART, () => HttpResponse.json(withPrice(0))));
    await expect(yahoo.quotes(["AAPL"], now)).rejects.toThrow(/must be a positive price/);
  });

  it("keeps the symbols that answered when others fail", async () => {
    network.use(
      http.get(CHART, ({ params }) => (params.symbol === "AAPL" ? HttpResponse.json(chartQuote) : HttpResponse.json({}, { status: 500 }))),
    );
    expect([...(await yahoo.quotes(["AAPL", "MSFT"], now)).keys()]).toEqual(["AAPL"]);
  });

  it("reads daily bars on exchange dates, oldest first, for the asked range", async () => {
    let asked: URL | undefined;
    network.use(
      http.get(CHART, ({ request }) => {
        asked = new URL(request.url);
        return HttpResponse.json(chartHistory);
      }),
    );
    const bars = await yahoo.history("AAPL", "2025-11-14", "2025-11-18", now);
    expect(asked?.searchParams.get("interval")).toBe("1d");
    expect(asked?.searchParams.get("period1")).toBe(String(Date.parse("2025-11-14T00:00:00Z") / 1000));
    expect(bars).toEqual([
      { date: "2025-11-14", open: 271.05, high: 275.96, low: 269.6, close: 272.41, volume: 47431300 },
      { date: "2025-11-17", open: 268.82, high: 270.49, low: 265.73, close: 267.46, volume: 45018300 },
      { date: "2025-11-18", open: 267.9, high: 270.7, low: 265.32, close: 268.56, volume: 40424500 },
    ]);
  });

  it("searches with the v1 search endpoint", async () => {
    let asked: URL | undefined;
    network.use(
      http.get(`${YAHOO_BASE_URL}/v1/finance/search`, ({ request }) => {
        asked = new URL(request.url);
        return HttpResponse.json(searchAnswer);
      }),
    );
    const results = await yahoo.search("apple", 5);
    expect(asked?.searchParams.get("q")).toBe("apple");
    expect(results[0]).toEqual({ symbol: "AAPL", name: "Apple Inc.", exchange: "NASDAQ", instrumentType: "EQUITY" });
    expect(results[2]?.instrumentType).toBe("ETF");
  });

  it("reads instrument metadata from the chart", async () => {
    network.use(http.get(CHART, () => HttpResponse.json(chartQuote)));
    expect((await yahoo.instruments(["AAPL"])).get("AAPL")).toEqual({
      symbol: "AAPL",
      name: "Apple Inc.",
      exchange: "NMS",
      exchangeFullName: "NasdaqGS",
      currency: "USD",
      instrumentType: "EQUITY",
    });
  });
});
