/**
 * What the service runs on, built from configuration once per isolate: the provider chain,
 * the cache backend, the database, the clock and the in-isolate map of fetches under way.
 * Tests build their own (counting wrappers around the real bindings) with the same parts.
 */
import { openDb } from "../../../shared/d1";
import { kvCache } from "./cache/kv";
import type { CacheStore } from "./cache/quote-cache";
import { upstashCache } from "./cache/upstash";
import type { ProviderName, StockConfig } from "./config";
import { createProviderChain } from "./providers/chain";
import { createFmpProvider } from "./providers/fmp";
import type { QuoteProvider } from "./providers/provider";
import { createSimulatedProvider } from "./providers/simulated";
import { createYahooProvider } from "./providers/yahoo";
import type { QuoteDeps } from "./quotes";

/** Everything the service's operations need; quotes use it all. */
export type StockDeps = QuoteDeps;

function createProvider(name: ProviderName, config: StockConfig): QuoteProvider {
  const timeoutMs = config.PROVIDER_TIMEOUT_MS;
  switch (name) {
    case "simulated":
      return createSimulatedProvider();
    case "yahoo":
      return createYahooProvider({ timeoutMs });
    case "fmp":
      // The config schema refuses fmp without a key.
      return createFmpProvider({ apiKey: config.FMP_API_KEY!, timeoutMs });
  }
}

export function createCache(env: StockEnv, config: StockConfig): CacheStore {
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = config;
  return url && token ? upstashCache({ url, token }) : kvCache(env.QUOTE_CACHE);
}

export function createDeps(env: StockEnv, config: StockConfig): StockDeps {
  return {
    chain: createProviderChain(config.QUOTE_PROVIDERS.map((name) => createProvider(name, config))),
    cache: createCache(env, config),
    db: openDb(env.STOCK_DB),
    freshnessMs: config.QUOTE_FRESHNESS_SECONDS * 1000,
    now: () => new Date(),
    inflight: new Map(),
  };
}
