import { Redis } from "@upstash/redis/cloudflare";
import type { CacheStore } from "./quote-cache";

export interface UpstashOptions {
  url: string;
  token: string;
}

export function upstashCache({ url, token }: UpstashOptions): CacheStore {
  // A cache must fail fast: one retry, not the client's default five with backoff.
  const redis = new Redis({ url, token, retry: { retries: 1, backoff: () => 50 }, enableTelemetry: false });
  return {
    backend: "upstash",
    async getMany<T>(keys: string[]) {
      if (keys.length === 0) return new Map<string, T>();
      const values = await redis.mget<(T | null)[]>(...keys);
      return new Map(keys.flatMap((key, i) => (values[i] == null ? [] : [[key, values[i]] as [string, T]])));
    },
    async putMany(entries, ttlSeconds) {
      if (entries.length === 0) return;
      const pipeline = redis.pipeline();
      for (const { key, value } of entries) pipeline.set(key, value, { ex: ttlSeconds });
      await pipeline.exec();
    },
  };
}
