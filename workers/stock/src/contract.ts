/**
 * The stock service's RPC contract: what callers (gateway, tests, stand-ins, seed) import of
 * it. Pure (valibot and shared/'s rule modules only), so Node can import it too.
 */
import * as v from "valibot";
import { rpcMethods, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { TickerSymbol } from "../../../shared/symbols";

export type InstrumentType = "EQUITY" | "ETF" | "INDEX" | "MUTUALFUND" | "CRYPTOCURRENCY" | "CURRENCY" | "FUTURE" | "OTHER";
export type MarketState = "PRE" | "REGULAR" | "POST" | "CLOSED";
export type HistoryPeriod =
  | "ONE_DAY"
  | "FIVE_DAYS"
  | "ONE_MONTH"
  | "THREE_MONTHS"
  | "SIX_MONTHS"
  | "YEAR_TO_DATE"
  | "ONE_YEAR"
  | "TWO_YEARS"
  | "FIVE_YEARS"
  | "MAX";

export const INSTRUMENT_TYPES: readonly InstrumentType[] = [
  "EQUITY",
  "ETF",
  "INDEX",
  "MUTUALFUND",
  "CRYPTOCURRENCY",
  "CURRENCY",
  "FUTURE",
  "OTHER",
];

export const HISTORY_PERIODS: readonly HistoryPeriod[] = [
  "ONE_DAY",
  "FIVE_DAYS",
  "ONE_MONTH",
  "THREE_MONTHS",
  "SIX_MONTHS",
  "YEAR_TO_DATE",
  "ONE_YEAR",
  "TWO_YEARS",
  "FIVE_YEARS",
  "MAX",
];

export interface Instrument {
  symbol: string;
  name: string;
  exchange: string;
  exchangeFullName: string;
  currency: string;
  instrumentType: InstrumentType;
}

export interface Quote {
  symbol: string;
  price: number;
  open: number;
  previousClose: number;
  /** price - previousClose */
  change: number;
  /** change / previousClose * 100 */
  changePercent: number;
  volume: number;
  marketCap: number | null;
  dayLow: number;
  dayHigh: number;
  yearLow: number;
  yearHigh: number;
  /** Which provider produced it: "simulated", "yahoo", "fmp". */
  source: string;
  /** When the provider says the price was observed (ISO-8601). */
  asOf: string;
  marketState: MarketState;
  /** True when every provider failed and this is the last known quote. */
  stale: boolean;
}

export interface Candle extends DailyBar {
  /** close - previous bar's close (0 for the first bar of the whole series) */
  change: number;
  changePercent: number;
}

export interface SearchResult {
  symbol: string;
  name: string;
  exchange: string;
  instrumentType: InstrumentType;
}

/** One stored daily bar, before change is derived. */
export interface DailyBar {
  /** YYYY-MM-DD, the exchange's trading day. */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface StockRpc {
  health(meta: CallMeta): Promise<HealthReport>;
  /** Metadata of the asked symbols (1..100, normalized); unknown symbols are absent. */
  instruments(meta: CallMeta, symbols: string[]): Promise<RpcResult<Record<string, Instrument>>>;
  /** Quotes of the asked symbols; unknown symbols are absent, the last known quote comes back `stale` when every provider fails. */
  quotes(meta: CallMeta, symbols: string[]): Promise<RpcResult<Record<string, Quote>>>;
  /** Daily candles of the period, oldest first (history.ts periodWindow: the gateway bounds a response by it). */
  history(meta: CallMeta, symbols: string[], period: HistoryPeriod): Promise<RpcResult<Record<string, Candle[]>>>;
  /** Instruments matching `query` (1..64 characters), best first, at most `limit` (1..25). */
  search(meta: CallMeta, query: string, limit: number): Promise<RpcResult<SearchResult[]>>;
  /**
   * Live quotes (live-data.md): a byte stream of QuoteUpdate lines (shared/live-stream.ts),
   * first the current quote of each symbol, then a symbol's new quote (a new asOf or price)
   * within 2 s of the service serving it. 1..MAX_WATCHED_SYMBOLS distinct known symbols
   * (normalized), else BAD_USER_INPUT. Fed by one QuoteFeed Durable Object per symbol,
   * whatever the number of watchers; the stream ends (closes or errors) when a feed restarts.
   */
  watchQuotes(meta: CallMeta, symbols: string[]): Promise<RpcResult<ReadableStream<Uint8Array>>>;
}

/** One line of a watchQuotes stream. */
export interface QuoteUpdate {
  symbol: string;
  quote: Quote;
}

export const MAX_WATCHED_SYMBOLS = 50;

export const STOCK_METHODS = /* @__PURE__ */ rpcMethods<StockRpc>()(["health", "instruments", "quotes", "history", "search", "watchQuotes"]);

export const MAX_SYMBOLS_PER_CALL = 100;

const Symbols = v.pipe(
  v.array(TickerSymbol, "must be a list of symbols"),
  v.minLength(1, "must list at least one symbol"),
  v.maxLength(MAX_SYMBOLS_PER_CALL, `must list at most ${MAX_SYMBOLS_PER_CALL} symbols`),
  v.transform((symbols) => [...new Set(symbols)]),
);

const Period = v.picklist(HISTORY_PERIODS, `must be one of ${HISTORY_PERIODS.join(", ")}`);

export const SymbolsRequest = v.object({ symbols: Symbols });
export const WatchQuotesRequest = v.object({
  symbols: v.pipe(
    v.array(TickerSymbol, "must be a list of symbols"),
    v.transform((symbols) => [...new Set(symbols)]),
    v.minLength(1, "must list at least one symbol"),
    v.maxLength(MAX_WATCHED_SYMBOLS, `must list at most ${MAX_WATCHED_SYMBOLS} distinct symbols`),
  ),
});
export const HistoryRequest = v.object({ symbols: Symbols, period: Period });
export const SearchRequest = v.object({
  query: v.pipe(v.string("must be a string"), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(64, "must be at most 64 characters")),
  limit: v.pipe(v.number("must be a number"), v.integer("must be an integer"), v.minValue(1, "must be at least 1"), v.maxValue(25, "must be at most 25")),
});
