/**
 * The cache in front of the providers, behind one interface with two backends: Workers KV
 * (the default) and Upstash Redis (when its URL and token are configured). Values are
 * JSON; one `getMany` is one round trip whatever the number of keys.
 */
import type { Quote, SearchResult } from "../contract";

export interface CacheEntry {
  key: string;
  value: unknown;
}

export interface CacheStore {
  readonly backend: "kv" | "upstash";
  /** One multi-read: the keys found, with their values. */
  getMany<T>(keys: string[]): Promise<Map<string, T>>;
  putMany(entries: CacheEntry[], ttlSeconds: number): Promise<void>;
}

/** A quote with the instant it was fetched: fresh within the freshness window, last known after. */
export interface CachedQuote {
  quote: Quote;
  fetchedAt: number;
}

export interface CachedSearch {
  results: SearchResult[];
}

/** Last known quotes stay in the cache for at least a day (the contract's floor). */
export const LAST_KNOWN_TTL_SECONDS = 2 * 86_400;
export const SEARCH_TTL_SECONDS = 3_600;
export const UNKNOWN_SYMBOL_TTL_SECONDS = 3_600;

export const quoteKey = (symbol: string): string => `quote:v1:${symbol}`;
export const unknownSymbolKey = (symbol: string): string => `unknown:v1:${symbol}`;
export const searchKey = (query: string, limit: number): string => `search:v1:${limit}:${query.toLowerCase()}`;
