import type { AuthConfig } from "./config";

export interface PublicJwk {
  kty: "EC";
  crv: "P-256";
  kid: string;
  x: string;
  y: string;
  alg: "ES256";
  use: "sig";
}

/** Verifiers may cache the key set this long; a rotation lists both keys for longer. */
export const JWKS_MAX_AGE_SECONDS = 300;

/** The public keys that verify access tokens: the current key, then the previous one. */
export function jsonWebKeySet(config: AuthConfig): { keys: PublicJwk[] } {
  const keys = [config.JWT_PRIVATE_KEY, config.JWT_PREVIOUS_PUBLIC_KEY].filter((k) => k !== undefined);
  return {
    keys: keys.map(({ kid, x, y }) => ({ kty: "EC", crv: "P-256", kid, x, y, alg: "ES256", use: "sig" })),
  };
}
