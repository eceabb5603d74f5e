/**
 * The auth Worker's public keys, fetched over the service binding and cached per isolate.
 * The verifier asks again only for a `kid` it does not know, and then this refetches at
 * most every 30 s, so forged kids cannot turn into a flood of calls to auth.
 */
import type { JWK } from "jose";

const REFETCH_AFTER_MS = 30_000;
const JWKS_URL = "https://auth.internal/auth/.well-known/jwks.json";

export function jwksFromAuth(auth: Fetcher, now: () => number = Date.now): () => Promise<JWK[]> {
  let keys: JWK[] = [];
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let fetching: Promise<JWK[]> | undefined;

  async function fetchKeys(): Promise<JWK[]> {
    const response = await auth.fetch(JWKS_URL);
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const body = await response.json<{ keys?: JWK[] }>();
    keys = Array.isArray(body.keys) ? body.keys : [];
    fetchedAt = now();
    return keys;
  }

  return () => {
    if (now() - fetchedAt < REFETCH_AFTER_MS) return Promise.resolve(keys);
    fetching ??= fetchKeys().finally(() => {
      fetching = undefined;
    });
    return fetching;
  };
}
