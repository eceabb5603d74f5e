/**
 * Yahoo Finance: the v8 chart endpoint (quotes, metadata and daily history, one symbol per
 * call) and the v1 search endpoint.
 */
import * as v from "valibot";
import { marketState as sessionState } from "../../../../shared/exchange-calendar";
import type { DailyBar, Instrument, InstrumentType, MarketState, Quote, SearchResult } from "../contract";
import { INSTRUMENT_TYPES } from "../contract";
import { eachOrFail, getJson, OptionalNumber, Price } from "./http";
import { ProviderError, round2, withChange, type QuoteProvider } from "./provider";

export const YAHOO_BASE_URL = "https://query1.finance.yahoo.com";

const Period = v.object({ start: v.number(), end: v.number() });
const Series = v.array(v.nullable(v.number()));

const ChartResult = v.object({
  meta: v.object({
    symbol: v.string(),
    currency: v.nullish(v.string()),
    exchangeName: v.nullish(v.string()),
    fullExchangeName: v.nullish(v.string()),
    instrumentType: v.nullish(v.string()),
    gmtoffset: v.optional(v.number(), 0),
    regularMarketTime: v.number(),
    regularMarketPrice: Price,
    chartPreviousClose: OptionalNumber,
    previousClose: OptionalNumber,
    regularMarketDayHigh: OptionalNumber,
    regularMarketDayLow: OptionalNumber,
    regularMarketVolume: OptionalNumber,
    fiftyTwoWeekHigh: OptionalNumber,
    fiftyTwoWeekLow: OptionalNumber,
    longName: v.nullish(v.string()),
    shortName: v.nullish(v.string()),
    currentTradingPeriod: v.nullish(v.object({ pre: Period, regular: Period, post: Period })),
  }),
  timestamp: v.optional(v.array(v.number()), []),
  indicators: v.object({
    quote: v.array(v.object({ open: v.optional(Series, []), high: v.optional(Series, []), low: v.optional(Series, []), close: v.optional(Series, []), volume: v.optional(Series, []) })),
  }),
});

const Chart = v.object({
  chart: v.object({
    result: v.nullable(v.array(ChartResult)),
    error: v.nullish(v.object({ code: v.string(), description: v.nullish(v.string()) })),
  }),
});

const Search = v.object({
  quotes: v.array(
    v.object({
      symbol: v.optional(v.string()),
      shortname: v.nullish(v.string()),
      longname: v.nullish(v.string()),
      exchange: v.nullish(v.string()),
      exchDisp: v.nullish(v.string()),
      quoteType: v.nullish(v.string()),
    }),
  ),
});

type ChartResult = v.InferOutput<typeof ChartResult>;

const instrumentType = (raw: string | null | undefined): InstrumentType =>
  INSTRUMENT_TYPES.find((t) => t === raw?.toUpperCase()) ?? "OTHER";

function marketStateAt(result: ChartResult, now: Date): MarketState {
  const periods = result.meta.currentTradingPeriod;
  if (!periods) return sessionState(now);
  const t = now.getTime() / 1000;
  const within = (p: { start: number; end: number }) => p.start <= t && t < p.end;
  if (within(periods.regular)) return "REGULAR";
  if (within(periods.pre)) return "PRE";
  return within(periods.post) ? "POST" : "CLOSED";
}

/** One chart call answers one asked symbol: the answer is keyed by what was asked. */
function toQuote(symbol: string, result: ChartResult, now: Date): Quote {
  const { meta } = result;
  const bars = result.indicators.quote[0];
  const price = meta.regularMarketPrice;
  const previousClose = meta.previousClose ?? meta.chartPreviousClose;
  if (!previousClose) throw new ProviderError("yahoo", `no previous close for ${meta.symbol}`);
  const dayLow = meta.regularMarketDayLow ?? price;
  const dayHigh = meta.regularMarketDayHigh ?? price;
  return withChange({
    symbol,
    price,
    open: bars?.open.at(-1) ?? previousClose,
    previousClose,
    volume: meta.regularMarketVolume ?? 0,
    marketCap: null,
    dayLow,
    dayHigh,
    yearLow: meta.fiftyTwoWeekLow ?? dayLow,
    yearHigh: meta.fiftyTwoWeekHigh ?? dayHigh,
    source: "yahoo",
    asOf: new Date(meta.regularMarketTime * 1000).toISOString(),
    marketState: marketStateAt(result, now),
    stale: false,
  });
}

function toBars(result: ChartResult): DailyBar[] {
  const q = result.indicators.quote[0];
  if (!q) return [];
  return result.timestamp.flatMap((ts, i) => {
    const [open, high, low, close] = [q.open[i], q.high[i], q.low[i], q.close[i]];
    if (!open || !high || !low || !close) return []; // Yahoo leaves holes as nulls
    const date = new Date((ts + result.meta.gmtoffset) * 1000).toISOString().slice(0, 10);
    return [{ date, open: round2(open), high: round2(high), low: round2(low), close: round2(close), volume: q.volume[i] ?? 0 }];
  });
}

const unixSeconds = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000);

export function createYahooProvider({ timeoutMs, baseUrl = YAHOO_BASE_URL }: { timeoutMs: number; baseUrl?: string }): QuoteProvider {
  /** The chart of one symbol; undefined when Yahoo says it has no such symbol. */
  async function chart(symbol: string, query: string): Promise<ChartResult | undefined> {
    const url = `${baseUrl}/v8/finance/chart/${encodeURIComponent(symbol)}?${query}`;
    const { status, body } = await getJson("yahoo", url, Chart, { timeoutMs, acceptedStatuses: [404] });
    if (status === 404 || body.chart.error?.code === "Not Found") return undefined;
    const result = body.chart.result?.[0];
    if (!result) throw new ProviderError("yahoo", `empty chart for ${symbol}`);
    return result;
  }

  return {
    name: "yahoo",
    batchesQuotes: false,
    async quotes(symbols, now) {
      const answers = await eachOrFail("yahoo", symbols, async (symbol) => {
        const result = await chart(symbol, "range=1d&interval=1d");
        return result ? toQuote(symbol, result, now) : undefined;
      });
      return new Map(answers.flatMap((q) => (q ? [[q.symbol, q] as const] : [])));
    },
    async history(symbol, from, to) {
      const result = await chart(symbol, `period1=${unixSeconds(from)}&period2=${unixSeconds(to) + 86_400}&interval=1d&events=history`);
      return result ? toBars(result).filter((b) => b.date >= from && b.date <= to) : [];
    },
    async search(query, limit) {
      const url = `${baseUrl}/v1/finance/search?q=${encodeURIComponent(query)}&quotesCount=${limit}&newsCount=0&listsCount=0`;
      const { body } = await getJson("yahoo", url, Search, { timeoutMs });
      return body.quotes.flatMap((q): SearchResult[] =>
        q.symbol
          ? [{ symbol: q.symbol, name: q.longname ?? q.shortname ?? q.symbol, exchange: q.exchDisp ?? q.exchange ?? "", instrumentType: instrumentType(q.quoteType) }]
          : [],
      );
    },
    async instruments(symbols) {
      const answers = await eachOrFail("yahoo", symbols, async (symbol) => ({ symbol, result: await chart(symbol, "range=1d&interval=1d") }));
      return new Map(
        answers.flatMap(({ symbol, result }): [string, Instrument][] => {
          if (!result) return [];
          const { meta } = result;
          return [
            [
              symbol,
              {
                symbol,
                name: meta.longName ?? meta.shortName ?? meta.symbol,
                exchange: meta.exchangeName ?? "",
                exchangeFullName: meta.fullExchangeName ?? meta.exchangeName ?? "",
                currency: meta.currency ?? "USD",
                instrumentType: instrumentType(meta.instrumentType),
              },
            ],
          ];
        }),
      );
    },
  };
}
