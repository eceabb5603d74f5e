/** Access tokens (signed JWTs) and opaque refresh / CSRF tokens. */
import { importJWK, SignJWT } from "jose";
import { createAccessTokenVerifier, sessionRevocations, ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_TYPE } from "../../../shared/access-token";
import type { AuthConfig } from "./config";
import { jsonWebKeySet } from "./jwks";
import { ACCESS_TOKEN_TTL_SECONDS } from "./limits";

const signingKeys = new WeakMap<AuthConfig, Promise<CryptoKey>>();

function signingKey(config: AuthConfig): Promise<CryptoKey> {
  let key = signingKeys.get(config);
  if (!key) {
    key = importJWK(config.JWT_PRIVATE_KEY, ACCESS_TOKEN_ALGORITHM) as Promise<CryptoKey>;
    signingKeys.set(config, key);
  }
  return key;
}

export interface AccessTokenSubject {
  userId: string;
  sessionId: string;
  roles: string[];
}

export async function signAccessToken(config: AuthConfig, subject: AccessTokenSubject, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({ sid: subject.sessionId, roles: subject.roles })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: config.JWT_PRIVATE_KEY.kid })
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setSubject(subject.userId)
    .setJti(crypto.randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
    .sign(await signingKey(config));
}

/** The revocation list every access-token check consults (KV + this isolate's memory). */
export const revocations = (env: AuthEnv) => sessionRevocations(env.REVOKED_SESSIONS, ACCESS_TOKEN_TTL_SECONDS);

/**
 * The shared verifier with this Worker's own key set; with `env`, also its revocation list
 * (logout goes without: ending an ended session again is fine).
 */
export function accessTokenVerifier(config: AuthConfig, now: () => number, env?: AuthEnv) {
  const revoked = env && revocations(env);
  return createAccessTokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    keys: () => jsonWebKeySet(config).keys,
    ...(revoked ? { isRevoked: (sid: string) => revoked.isRevoked(sid) } : {}),
    now,
  });
}

/** 256 random bits, base64url: refresh tokens and CSRF tokens. */
export function opaqueToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Refresh tokens are stored by this digest only. */
export async function tokenDigest(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
