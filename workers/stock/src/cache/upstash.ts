/**
 * The Upstash Redis backend, over Upstash's REST protocol: POST / runs one command (a JSON
 * array), POST /pipeline a list of them; each reply is {"result"} or {"error"}. Two
 * commands need no client library (@upstash/redis was 20 KiB gzip of this Worker).
 * Values are JSON text in Redis, as the library stored them.
 */
import type { CacheStore } from "./quote-cache";

export interface UpstashOptions {
  url: string;
  token: string;
}

type Reply = { result: unknown } | { error: string };

/** A cache must fail fast: one retry of a failed connection, after this pause. */
const RETRY_PAUSE_MS = 50;

export function upstashCache({ url, token }: UpstashOptions): CacheStore {
  const post = async (path: string, body: unknown[]): Promise<unknown> => {
    const init = { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) };
    const response = await fetch(`${url}${path}`, init).catch(async () => {
      await scheduler.wait(RETRY_PAUSE_MS);
      return fetch(`${url}${path}`, init);
    });
    const reply = (await response.json()) as Reply | Reply[];
    const failed = [reply].flat().find((r) => "error" in r);
    if (!response.ok || failed) throw new Error(`Upstash ${response.status}: ${failed && "error" in failed ? failed.error : "no reply"}`);
    return reply;
  };
  return {
    backend: "upstash",
    async getMany<T>(keys: string[]) {
      if (keys.length === 0) return new Map<string, T>();
      const { result } = (await post("/", ["MGET", ...keys])) as { result: (string | null)[] };
      return new Map(keys.flatMap((key, i) => (result[i] == null ? [] : [[key, JSON.parse(result[i]) as T] as const])));
    },
    async putMany(entries, ttlSeconds) {
      if (entries.length === 0) return;
      await post("/pipeline", entries.map(({ key, value }) => ["SET", key, JSON.stringify(value), "EX", ttlSeconds]));
    },
  };
}
