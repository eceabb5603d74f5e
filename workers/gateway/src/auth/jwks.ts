import type { JWK } from "jose";

const JWKS_URL = "https://auth.internal/auth/.well-known/jwks.json";

/** The auth Worker's public keys, over its service binding (cached by `cachedKeySet`). */
export async function fetchAuthKeys(auth: Fetcher): Promise<JWK[]> {
  const response = await auth.fetch(JWKS_URL);
  if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
  const body = await response.json<{ keys?: JWK[] }>();
  return Array.isArray(body.keys) ? body.keys : [];
}
