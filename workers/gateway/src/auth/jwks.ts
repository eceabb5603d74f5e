import type { JWK } from "jose";
import { REQUEST_ID_HEADER } from "../../../../shared/request-id";

const JWKS_URL = "https://auth.internal/auth/.well-known/jwks.json";

/**
 * The auth Worker's public keys, over its service binding (cached by `cachedKeySet`),
 * under the id of the request that needed them, so auth's log line joins that request's.
 */
export async function fetchAuthKeys(auth: Fetcher, requestId?: string): Promise<JWK[]> {
  const response = await auth.fetch(JWKS_URL, requestId ? { headers: { [REQUEST_ID_HEADER]: requestId } } : {});
  if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
  const body = await response.json<{ keys?: JWK[] }>();
  return Array.isArray(body.keys) ? body.keys : [];
}
