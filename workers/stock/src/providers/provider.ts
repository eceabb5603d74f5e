import type { DailyBar, Instrument, Quote, SearchResult } from "../contract";

/** A provider could not answer (network, HTTP error, timeout, malformed or empty body). */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    readonly provider: string,
    message: string,
  ) {
    super(`${provider}: ${message}`);
  }
}

/**
 * A source of market data. Symbols a provider does not know are simply absent from its
 * answers; any failure to answer throws ProviderError so the chain can try the next one.
 */
export interface QuoteProvider {
  readonly name: string;
  /** True when `quotes` answers many symbols with one upstream call. */
  readonly batchesQuotes: boolean;
  quotes(symbols: string[], now: Date): Promise<Map<string, Quote>>;
  /** Daily bars with `from <= date <= to`, oldest first. */
  history(symbol: string, from: string, to: string, now: Date): Promise<DailyBar[]>;
  search(query: string, limit: number): Promise<SearchResult[]>;
  instruments(symbols: string[]): Promise<Map<string, Instrument>>;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Fills the derived fields of a quote so every provider computes them the same way. */
export function withChange(quote: Omit<Quote, "change" | "changePercent">): Quote {
  const change = quote.price - quote.previousClose;
  return {
    ...quote,
    change: round2(change),
    changePercent: quote.previousClose === 0 ? 0 : Math.round((change / quote.previousClose) * 1_000_000) / 10_000,
  };
}
