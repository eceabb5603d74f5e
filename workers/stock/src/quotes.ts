/**
 * Quotes: fresh from the cache within the freshness window, otherwise from the provider
 * chain, and when every provider fails, the last known quote marked `stale`. Per batch:
 * one cache multi-read, one chain call (one upstream call per batching provider), and at
 * most two D1 queries (saving the answers, reading last known quotes).
 */
import type { Db } from "../../../shared/d1";
import type { Logger } from "../../../shared/logger";
import { annotate } from "../../../shared/rpc-server";
import { LAST_KNOWN_TTL_SECONDS, quoteKey, type CachedQuote, type CacheStore } from "./cache/quote-cache";
import { readLastQuotes, upsertLastQuotes } from "./db/queries";
import type { ProviderChain } from "./providers/chain";
import type { Quote } from "./contract";

export interface QuoteDeps {
  chain: ProviderChain;
  cache: CacheStore;
  db: Db;
  freshnessMs: number;
  now: () => Date;
  /** Provider fetches under way in this isolate, per symbol: concurrent misses join them. */
  inflight: Map<string, Promise<Quote | undefined>>;
  /** Told of the quotes a provider just answered (the entrypoint offers them to their live feeds). */
  onFetched?: (quotes: Quote[]) => void;
}

export async function getQuotes(deps: QuoteDeps, symbols: string[], log: Logger): Promise<Record<string, Quote>> {
  const now = deps.now();
  const quotes: Record<string, Quote> = {};
  const pending = new Map<string, Promise<Quote | undefined>>();
  const joinInflight = (list: string[]) =>
    list.filter((symbol) => {
      const running = deps.inflight.get(symbol);
      if (running) pending.set(symbol, running);
      return !running;
    });

  const toRead = joinInflight(symbols);
  const cached = await readCache(deps.cache, toRead, log);
  const misses = toRead.filter((symbol) => {
    const entry = cached.get(symbol);
    if (entry && now.getTime() - entry.fetchedAt < deps.freshnessMs) quotes[symbol] = entry.quote;
    return !(symbol in quotes);
  });
  annotate({ cache: misses.length > 0 ? "miss" : "hit" });
  // Another request may have started fetching while this one read the cache.
  const toFetch = joinInflight(misses);
  if (toFetch.length > 0) {
    const batch = fetchAndSave(deps, toFetch, now, log);
    for (const symbol of toFetch) {
      const one = batch.then((answer) => answer.get(symbol));
      deps.inflight.set(symbol, one);
      pending.set(symbol, one);
      void one.finally(() => deps.inflight.get(symbol) === one && deps.inflight.delete(symbol)).catch(() => undefined);
    }
  }
  for (const [symbol, quote] of await settle(pending)) if (quote) quotes[symbol] = quote;

  const unanswered = symbols.filter((s) => !(s in quotes));
  if (unanswered.length > 0) Object.assign(quotes, await lastKnown(deps.db, unanswered, cached, log));
  return quotes;
}

async function readCache(cache: CacheStore, symbols: string[], log: Logger): Promise<Map<string, CachedQuote>> {
  if (symbols.length === 0) return new Map();
  try {
    const found = await cache.getMany<CachedQuote>(symbols.map(quoteKey));
    return new Map(symbols.flatMap((s) => (found.has(quoteKey(s)) ? [[s, found.get(quoteKey(s))!] as const] : [])));
  } catch (error) {
    // A cache outage costs latency, not answers.
    log.warn("quote cache read failed", { backend: cache.backend, error });
    return new Map();
  }
}

async function settle(pending: Map<string, Promise<Quote | undefined>>): Promise<[string, Quote | undefined][]> {
  const entries = [...pending];
  const values = await Promise.all(entries.map(([, promise]) => promise));
  return entries.map(([symbol], i) => [symbol, values[i]]);
}

/** One chain call for the batch; its answers go to the cache and to D1 (last known) together. */
async function fetchAndSave(deps: QuoteDeps, symbols: string[], now: Date, log: Logger): Promise<Map<string, Quote>> {
  const answer = await deps.chain.quotes(symbols, now, log);
  if (answer.size === 0) return answer;
  const fetchedAt = now.getTime();
  const quotes = [...answer.values()];
  deps.onFetched?.(quotes);
  const entries = quotes.map((quote) => ({ key: quoteKey(quote.symbol), value: { quote, fetchedAt } satisfies CachedQuote }));
  const results = await Promise.allSettled([
    deps.cache.putMany(entries, LAST_KNOWN_TTL_SECONDS),
    upsertLastQuotes(deps.db, quotes, fetchedAt),
  ]);
  for (const result of results) if (result.status === "rejected") log.warn("saving quotes failed", { error: result.reason as unknown });
  return answer;
}

/** The last known quotes of symbols no provider answered: from the cache read, else from D1. */
async function lastKnown(db: Db, symbols: string[], cached: Map<string, CachedQuote>, log: Logger): Promise<Record<string, Quote>> {
  const known: Record<string, Quote> = {};
  for (const symbol of symbols) {
    const entry = cached.get(symbol);
    if (entry) known[symbol] = { ...entry.quote, stale: true };
  }
  const rest = symbols.filter((s) => !(s in known));
  if (rest.length > 0) for (const quote of await readLastQuotes(db, rest)) known[quote.symbol] = { ...quote, stale: true };
  if (Object.keys(known).length > 0) {
    annotate({ cache: "stale" });
    log.warn("serving last known quotes", { symbols: Object.keys(known) });
  }
  return known;
}
