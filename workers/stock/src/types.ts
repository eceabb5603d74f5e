/** The stock service's public RPC types (RPC.md): callers import these. */
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
