/**
 * Financial Modeling Prep, stable API: quote / batch-quote, historical-price-eod/full,
 * search-symbol and profile. The API key comes from the FMP_API_KEY secret.
 */
import * as v from "valibot";
import { marketState } from "../../../../shared/exchange-calendar";
import type { DailyBar, Instrument, InstrumentType, Quote, SearchResult } from "../contract";
import { eachOrFail, getJson, OptionalNumber, Price } from "./http";
import { ProviderError, withChange, type QuoteProvider } from "./provider";

export const FMP_BASE_URL = "https://financialmodelingprep.com/stable";

const FmpQuote = v.object({
  symbol: v.string(),
  price: Price,
  previousClose: Price,
  open: OptionalNumber,
  volume: OptionalNumber,
  dayLow: OptionalNumber,
  dayHigh: OptionalNumber,
  yearLow: OptionalNumber,
  yearHigh: OptionalNumber,
  marketCap: OptionalNumber,
  timestamp: v.number(),
});

const Bar = v.object({
  date: v.pipe(v.string(), v.isoDate()),
  open: Price,
  high: Price,
  low: Price,
  close: Price,
  volume: v.number(),
});

const SearchHit = v.object({
  symbol: v.string(),
  name: v.nullish(v.string()),
  exchange: v.nullish(v.string()),
  exchangeFullName: v.nullish(v.string()),
  currency: v.nullish(v.string()),
});

const Profile = v.object({
  symbol: v.string(),
  companyName: v.string(),
  currency: v.string(),
  exchange: v.string(),
  exchangeFullName: v.nullish(v.string()),
  isEtf: v.optional(v.boolean(), false),
  isFund: v.optional(v.boolean(), false),
});

/** search-symbol has no instrument type; the name of a fund says it. */
const guessType = (name: string): InstrumentType => (/\bETF\b/i.test(name) ? "ETF" : "EQUITY");

function toQuote(q: v.InferOutput<typeof FmpQuote>, now: Date): Quote {
  return withChange({
    symbol: q.symbol,
    price: q.price,
    open: q.open ?? q.previousClose,
    previousClose: q.previousClose,
    volume: q.volume ?? 0,
    marketCap: q.marketCap ?? null,
    dayLow: q.dayLow ?? q.price,
    dayHigh: q.dayHigh ?? q.price,
    yearLow: q.yearLow ?? q.dayLow ?? q.price,
    yearHigh: q.yearHigh ?? q.dayHigh ?? q.price,
    source: "fmp",
    asOf: new Date(q.timestamp * 1000).toISOString(),
    marketState: marketState(now),
    stale: false,
  });
}

export function createFmpProvider({ apiKey, timeoutMs, baseUrl = FMP_BASE_URL }: { apiKey: string; timeoutMs: number; baseUrl?: string }): QuoteProvider {
  const url = (path: string, params: Record<string, string>) => `${baseUrl}/${path}?${new URLSearchParams({ ...params, apikey: apiKey })}`;
  const get = <S extends v.GenericSchema>(path: string, params: Record<string, string>, schema: S) =>
    getJson("fmp", url(path, params), schema, { timeoutMs }).then((answer) => answer.body as v.InferOutput<S>);

  return {
    name: "fmp",
    batchesQuotes: true,
    async quotes(symbols, now) {
      const quotes =
        symbols.length === 1
          ? await get("quote", { symbol: symbols[0]! }, v.array(FmpQuote))
          : await get("batch-quote", { symbols: symbols.join(",") }, v.array(FmpQuote));
      if (quotes.length === 0) throw new ProviderError("fmp", "empty quote answer");
      return new Map(quotes.map((q) => [q.symbol, toQuote(q, now)]));
    },
    async history(symbol, from, to) {
      const bars: DailyBar[] = await get("historical-price-eod/full", { symbol, from, to }, v.array(Bar));
      // FMP answers newest first.
      return bars
        .map(({ date, open, high, low, close, volume }) => ({ date, open, high, low, close, volume }))
        .sort((a, b) => a.date.localeCompare(b.date));
    },
    async search(query, limit) {
      const hits = await get("search-symbol", { query, limit: String(limit) }, v.array(SearchHit));
      return hits.map((h): SearchResult => {
        const name = h.name ?? h.symbol;
        return { symbol: h.symbol, name, exchange: h.exchange ?? "", instrumentType: guessType(name) };
      });
    },
    async instruments(symbols) {
      const answers = await eachOrFail("fmp", symbols, (symbol) => get("profile", { symbol }, v.array(Profile)));
      return new Map(
        answers.flat().map((p): [string, Instrument] => [
          p.symbol,
          {
            symbol: p.symbol,
            name: p.companyName,
            exchange: p.exchange,
            exchangeFullName: p.exchangeFullName ?? p.exchange,
            currency: p.currency,
            instrumentType: p.isEtf ? "ETF" : p.isFund ? "MUTUALFUND" : "EQUITY",
          },
        ]),
      );
    },
  };
}
