/**
 * The provider chain of QUOTE_PROVIDERS: each request tries the providers in order, and
 * what one cannot answer (it failed, or it does not know the symbol) goes to the next.
 * Every quote carries the `source` that produced it.
 */
import type { Logger } from "../../../../shared/logger";
import { annotate, recordProviderFailure } from "../../../../shared/rpc-server";
import type { DailyBar, Instrument, Quote, SearchResult } from "../contract";
import { ProviderError, type QuoteProvider } from "./provider";

/** What the chain learned about some symbols' metadata. */
export interface InstrumentLookup {
  found: Map<string, Instrument>;
  /** Symbols every provider answered without: unknown, not merely unavailable. */
  unknown: string[];
}

export interface ProviderChain {
  readonly names: string[];
  /** Quotes for the symbols some provider answered; the rest are absent. */
  quotes(symbols: string[], now: Date, log: Logger): Promise<Map<string, Quote>>;
  /** The first provider that knows the symbol answers; throws when every provider failed. */
  history(symbol: string, from: string, to: string, now: Date, log: Logger): Promise<DailyBar[]>;
  search(query: string, limit: number, log: Logger): Promise<SearchResult[]>;
  instruments(symbols: string[], log: Logger): Promise<InstrumentLookup>;
}

export function createProviderChain(providers: QuoteProvider[]): ProviderChain {
  async function attempt<T>(provider: QuoteProvider, what: string, log: Logger, call: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const answer = await call();
      annotate({ provider: provider.name });
      return answer;
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      recordProviderFailure(provider.name, what, performance.now() - started);
      log.warn("provider failed", { provider: provider.name, what, error });
      return undefined;
    }
  }

  /** Asks each provider in turn for the symbols still unanswered. */
  async function perSymbol<T>(
    symbols: string[],
    what: string,
    log: Logger,
    ask: (provider: QuoteProvider, symbols: string[]) => Promise<Map<string, T>>,
  ): Promise<{ found: Map<string, T>; unknown: string[] }> {
    const found = new Map<string, T>();
    const unavailable = new Set<string>();
    let remaining = symbols;
    for (const provider of providers) {
      if (remaining.length === 0) break;
      const answer = await attempt(provider, what, log, () => ask(provider, remaining));
      if (!answer) {
        for (const symbol of remaining) unavailable.add(symbol);
        continue;
      }
      for (const [symbol, value] of answer) found.set(symbol, value);
      remaining = remaining.filter((s) => !found.has(s));
    }
    return { found, unknown: remaining.filter((s) => !unavailable.has(s)) };
  }

  /** The first non-empty answer; an empty list when providers answered but knew nothing. */
  async function firstAnswer<T>(what: string, log: Logger, ask: (provider: QuoteProvider) => Promise<T[]>): Promise<T[]> {
    let anyAnswered = false;
    for (const provider of providers) {
      const answer = await attempt(provider, what, log, () => ask(provider));
      if (!answer) continue;
      anyAnswered = true;
      if (answer.length > 0) return answer;
    }
    if (!anyAnswered) throw new ProviderError(providers.map((p) => p.name).join(","), `every provider failed to answer ${what}`);
    return [];
  }

  return {
    names: providers.map((p) => p.name),
    quotes: async (symbols, now, log) => (await perSymbol(symbols, "quotes", log, (p, s) => p.quotes(s, now))).found,
    instruments: (symbols, log) => perSymbol(symbols, "instruments", log, (p, s) => p.instruments(s)),
    history: (symbol, from, to, now, log) => firstAnswer("history", log, (p) => p.history(symbol, from, to, now)),
    search: (query, limit, log) => firstAnswer("search", log, (p) => p.search(query, limit)),
  };
}
