/**
 * Test support inside workerd: the service's real parts over the real D1 and KV bindings,
 * wrapped so a test can count what a request did (provider calls, cache reads, D1 round
 * trips and the parameters each statement bound).
 */
import { env } from "cloudflare:workers";
import { openDb } from "../../../shared/d1";
import { createLogger } from "../../../shared/logger";
import { recordingD1 } from "../../../shared/testing/recording-d1";
import { kvCache } from "../src/cache/kv";
import type { CacheStore } from "../src/cache/quote-cache";
import type { StockDeps } from "../src/deps";
import { createProviderChain } from "../src/providers/chain";
import { ProviderError, type QuoteProvider } from "../src/providers/provider";
import { createSimulatedProvider } from "../src/providers/simulated";

export const log = createLogger({ service: "stock-test", level: "error" });

/** Wednesday 2026-11-18, 12:00 in New York: the regular session. */
export const WEDNESDAY_NOON = new Date("2026-11-18T17:00:00Z");
/** Saturday 2026-11-21, 10:00 in New York. */
export const SATURDAY = new Date("2026-11-21T15:00:00Z");

export interface Counted<T> {
  target: T;
  calls: Record<string, number>;
}

function count<T extends object>(target: T, name: string, calls: Record<string, number>): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls[`${name}.${String(key)}`] = (calls[`${name}.${String(key)}`] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

/** A provider whose every call is counted; `failing` makes every call a ProviderError. */
export function countingProvider(provider: QuoteProvider, calls: Record<string, number> = {}): Counted<QuoteProvider> {
  return { target: count(provider, provider.name, calls), calls };
}

export function failingProvider(name: string): QuoteProvider {
  const fail = async (): Promise<never> => {
    throw new ProviderError(name, "HTTP 503");
  };
  return { name, batchesQuotes: true, quotes: fail, history: fail, search: fail, instruments: fail };
}

/** D1 binds at most this many parameters per statement. */
export const D1_MAX_BOUND_PARAMETERS = 100;

/** The stock database over a binding that counts its round trips and records each statement. */
export function countingDatabase() {
  const recorded = recordingD1(env.STOCK_DB);
  return Object.assign(recorded, { db: openDb(recorded.d1) });
}

export function countingCache(inner: CacheStore = kvCache(env.QUOTE_CACHE)): Counted<CacheStore> {
  const calls: Record<string, number> = {};
  return { target: count(inner, "cache", calls), calls };
}

/** The service's parts over the real bindings, with the simulated provider unless told otherwise. */
export function testDeps(overrides: Partial<StockDeps> & { providers?: QuoteProvider[]; at?: Date } = {}): StockDeps {
  const { providers = [createSimulatedProvider()], at = WEDNESDAY_NOON, ...rest } = overrides;
  return {
    chain: createProviderChain(providers),
    cache: kvCache(env.QUOTE_CACHE),
    db: openDb(env.STOCK_DB),
    freshnessMs: 30_000,
    now: () => at,
    inflight: new Map(),
    ...rest,
  };
}

/** Empties the stock database's data tables and the KV cache between tests. */
export async function resetState(): Promise<void> {
  await env.STOCK_DB.batch(
    ["instruments", "last_quotes", "daily_bars", "bar_coverage"].map((table) => env.STOCK_DB.prepare(`DELETE FROM ${table}`)),
  );
  const { keys } = await env.QUOTE_CACHE.list();
  await Promise.all(keys.map((key) => env.QUOTE_CACHE.delete(key.name)));
}
