/**
 * Financial Modeling Prep's quote endpoints as MSW handlers in Node (where the harness sends
 * the Workers' outbound fetches), in the documented shape of
 * workers/stock/src/providers/fixtures/fmp-batch-quote.json, with prices a test moves and
 * every fetch counted: live data's tests drive quote changes deterministically with it.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { startPlatform, type Platform } from "../../../../scripts/testing/platform.ts";
import fixture from "../../../stock/src/providers/fixtures/fmp-batch-quote.json";

const FMP = "https://financialmodelingprep.com/stable";

/** The stock service's settings that put FMP first, with a 1 s freshness window. */
export const FMP_FIRST = {
  vars: { QUOTE_PROVIDERS: "fmp,simulated", QUOTE_FRESHNESS_SECONDS: "1" },
  secrets: { FMP_API_KEY: "test-fmp-key" },
};

export interface Served {
  symbol: string;
  price: number;
  at: number;
}

export interface FmpQuotes {
  handlers: ReturnType<typeof http.get>[];
  /** Sets a symbol's price (and moves its timestamp): the next fetch serves it. */
  setPrice(symbol: string, price: number): void;
  /** With `true`, every fetch serves a new price (one change per fetch). */
  moveOnEveryFetch(on: boolean): void;
  /** Each quote served, in order, with when. */
  served: Served[];
  fetchesOf(symbol: string): number;
}

type FmpQuote = (typeof fixture)[number];

export function fmpQuotes(): FmpQuotes {
  const quotes = new Map<string, FmpQuote>(fixture.map((q) => [q.symbol, { ...q }]));
  const served: Served[] = [];
  let moving = false;
  let tick = 0;
  const setPrice = (symbol: string, price: number) => {
    const quote = quotes.get(symbol);
    if (!quote) throw new Error(`${symbol} is not in the FMP fixture`);
    tick++;
    Object.assign(quote, { price, change: price - quote.previousClose, timestamp: quote.timestamp + tick });
  };
  const answer = (symbols: string[]) => {
    const found = symbols.flatMap((symbol) => {
      const quote = quotes.get(symbol);
      if (!quote) return [];
      if (moving) setPrice(symbol, Math.round((quote.price + 0.01) * 100) / 100);
      served.push({ symbol, price: quote.price, at: Date.now() });
      return [{ ...quote }];
    });
    return HttpResponse.json(found);
  };
  return {
    handlers: [
      http.get(`${FMP}/quote`, ({ request }) => answer([new URL(request.url).searchParams.get("symbol") ?? ""])),
      http.get(`${FMP}/batch-quote`, ({ request }) => answer((new URL(request.url).searchParams.get("symbols") ?? "").split(","))),
    ],
    setPrice,
    moveOnEveryFetch: (on) => (moving = on),
    served,
    fetchesOf: (symbol) => served.filter((s) => s.symbol === symbol).length,
  };
}

/** The real platform with FMP first, behind these handlers, for the test file's lifetime. */
export function platformWithFmpFirst(): { fmp: FmpQuotes; platform(): Platform } {
  const fmp = fmpQuotes();
  const network = setupServer(...fmp.handlers);
  let platform: Platform | undefined;
  beforeAll(async () => {
    network.listen({ onUnhandledFrame: "bypass" });
    platform = await startPlatform({ vars: { stock: FMP_FIRST.vars }, secrets: { stock: FMP_FIRST.secrets } });
  });
  afterAll(async () => {
    await platform?.stop();
    network.close();
  });
  return { fmp, platform: () => platform! };
}
