/**
 * Instrument search: the stored instruments and the provider chain's search, merged and
 * ranked (exact symbol, then symbol prefix, then name match), cached for an hour.
 */
import type { Db } from "../../../shared/d1";
import type { Logger } from "../../../shared/logger";
import { SEARCH_TTL_SECONDS, searchKey, type CachedSearch, type CacheStore } from "./cache/quote-cache";
import { matchInstruments } from "./db/queries";
import type { ProviderChain } from "./providers/chain";
import type { SearchResult } from "./contract";

export interface SearchDeps {
  chain: ProviderChain;
  cache: CacheStore;
  db: Db;
}

/** Candidates read before ranking, so a good match is not cut by an arbitrary order. */
const CANDIDATES = 50;

export async function search(deps: SearchDeps, query: string, limit: number, log: Logger): Promise<SearchResult[]> {
  const key = searchKey(query, limit);
  const cached = await deps.cache.getMany<CachedSearch>([key]).catch((error: unknown) => {
    log.warn("search cache read failed", { error });
    return new Map<string, CachedSearch>();
  });
  const hit = cached.get(key);
  if (hit) return hit.results;

  const [stored, remote] = await Promise.all([
    matchInstruments(deps.db, query, CANDIDATES),
    deps.chain.search(query, CANDIDATES, log).catch((error: unknown) => {
      log.warn("provider search failed; answering from stored instruments", { error });
      return [];
    }),
  ]);
  const results = rank(query, [...stored, ...remote]).slice(0, limit);
  await deps.cache.putMany([{ key, value: { results } satisfies CachedSearch }], SEARCH_TTL_SECONDS).catch((error: unknown) => {
    log.warn("search cache write failed", { error });
  });
  return results;
}

/** 0 exact symbol, 1 symbol prefix, 2 name starts with the query, 3 a name word does, 4 name contains it, 5 provider's fuzzy match. */
function score(query: string, result: SearchResult): number {
  const q = query.toUpperCase();
  const name = result.name.toUpperCase();
  if (result.symbol === q) return 0;
  if (result.symbol.startsWith(q)) return 1;
  if (name.startsWith(q)) return 2;
  if (name.includes(` ${q}`)) return 3;
  return name.includes(q) ? 4 : 5;
}

export function rank(query: string, candidates: SearchResult[]): SearchResult[] {
  const unique = new Map<string, SearchResult>();
  for (const c of candidates) if (!unique.has(c.symbol)) unique.set(c.symbol, { symbol: c.symbol, name: c.name, exchange: c.exchange, instrumentType: c.instrumentType });
  return [...unique.values()]
    .map((result, order) => ({ result, order, score: score(query, result) }))
    .sort((a, b) => a.score - b.score || a.result.symbol.length - b.result.symbol.length || a.order - b.order)
    .map(({ result }) => result);
}
