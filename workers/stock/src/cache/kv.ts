import type { CacheStore } from "./quote-cache";

/** KV accepts at most 100 keys per bulk get. */
const KV_BULK_LIMIT = 100;

export function kvCache(kv: KVNamespace): CacheStore {
  return {
    backend: "kv",
    async getMany<T>(keys: string[]) {
      if (keys.length === 0) return new Map<string, T>();
      if (keys.length > KV_BULK_LIMIT) throw new RangeError(`at most ${KV_BULK_LIMIT} keys per read`);
      const found = await kv.get<T>(keys, "json");
      return new Map([...found].filter((entry): entry is [string, T] => entry[1] !== null));
    },
    async putMany(entries, ttlSeconds) {
      // KV has no bulk write in the binding; the writes go out together.
      await Promise.all(entries.map(({ key, value }) => kv.put(key, JSON.stringify(value), { expirationTtl: ttlSeconds })));
    },
  };
}
