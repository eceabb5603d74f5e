/**
 * The one access-token verifier, used by auth (/auth/me, logout) and by the gateway.
 *
 * Everything is pinned: ES256 only, the issuer, the audience, `typ: at+jwt`, a `kid` that
 * names one of the given public keys (never a key carried by the token), and `exp`, at most
 * 15 minutes after `iat`: a token signed for longer (a signing bug, a misused key) is refused.
 * Unknown `crit` extensions are refused. A bad token is an answer, not an exception:
 * `verify` resolves `{ ok: false, reason }` for anything it does not accept.
 */
import { errors, importJWK, jwtVerify, type JWK, type JWTHeaderParameters, type FlattenedJWSInput } from "jose";

export const ACCESS_TOKEN_TYPE = "at+jwt";
export const ACCESS_TOKEN_ALGORITHM = "ES256";
/** The contract's longest access-token lifetime (`exp - iat`): a token signed for longer is refused. */
export const ACCESS_TOKEN_MAX_LIFETIME_SECONDS = 15 * 60;

/** The claims of a verified access token. */
export interface AccessTokenClaims {
  iss: string;
  aud: string;
  /** User id. */
  sub: string;
  /** Session id: revoking the session kills the token. */
  sid: string;
  jti: string;
  iat: number;
  exp: number;
  roles: string[];
}

export type VerifyFailure = "malformed" | "invalid" | "expired" | "revoked";
export type VerifyResult = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: VerifyFailure };

export interface VerifierOptions {
  issuer: string;
  audience: string;
  /**
   * The public keys that may have signed (the JWKS `keys`), asked on every verification
   * with the token's `kid`, so that a key dropped from the set stops verifying at once.
   * Remote key sets: wrap the fetch in `cachedKeySet`.
   */
  keys: (kid: string) => JWK[] | Promise<JWK[]>;
  /** Whether a session was revoked (logout, password change, account deletion). */
  isRevoked?: (sid: string) => boolean | Promise<boolean>;
  /** Epoch milliseconds; tests move it. */
  now?: () => number;
}

export interface VerifyOptions {
  /**
   * Accept a token past its `exp` (still checking everything else): logout only, so an
   * expired access token can still end its own session.
   */
  allowExpired?: boolean;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 4096;

class UnknownKey extends Error {}

export function createAccessTokenVerifier(options: VerifierOptions) {
  const now = options.now ?? Date.now;
  const imported = new Map<string, CryptoKey>();

  async function keyFor(header: JWTHeaderParameters, _token: FlattenedJWSInput): Promise<CryptoKey> {
    const kid = header.kid;
    if (typeof kid !== "string" || kid === "") throw new UnknownKey("no kid");
    const jwk = (await options.keys(kid)).find((k) => k.kid === kid);
    if (!jwk || jwk.kty !== "EC" || jwk.crv !== "P-256" || jwk.d !== undefined) throw new UnknownKey("unknown kid");
    const id = `${kid}.${jwk.x}.${jwk.y}`;
    let key = imported.get(id);
    if (!key) {
      key = (await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, ACCESS_TOKEN_ALGORITHM)) as CryptoKey;
      imported.set(id, key);
    }
    return key;
  }

  return async function verify(token: string, verifyOptions: VerifyOptions = {}): Promise<VerifyResult> {
    if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) {
      return { ok: false, reason: "malformed" };
    }
    const at = now();
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keyFor, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: options.issuer,
        audience: options.audience,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ["exp", "iat", "sub", "sid", "jti"],
        // Far in the past for allowExpired: every other check still runs.
        currentDate: new Date(verifyOptions.allowExpired ? 0 : at),
        crit: {},
      }));
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
    }
    const claims = claimsOf(payload);
    // With allowExpired the clock was turned back, so `nbf` and `iat` are checked here.
    if (
      !claims ||
      !lifetimeAllowed(claims) ||
      claims.iat * 1000 > at + 60_000 ||
      (typeof payload.nbf === "number" && payload.nbf * 1000 > at)
    ) {
      return { ok: false, reason: "invalid" };
    }
    if (options.isRevoked && (await options.isRevoked(claims.sid))) return { ok: false, reason: "revoked" };
    return { ok: true, claims };
  };
}

export type AccessTokenVerifier = ReturnType<typeof createAccessTokenVerifier>;

const lifetimeAllowed = ({ iat, exp }: AccessTokenClaims) => exp > iat && exp - iat <= ACCESS_TOKEN_MAX_LIFETIME_SECONDS;

const isString = (value: unknown): value is string => typeof value === "string" && value !== "";

function claimsOf(payload: Record<string, unknown>): AccessTokenClaims | null {
  const { iss, aud, sub, sid, jti, iat, exp, roles } = payload;
  if (!isString(iss) || !isString(aud) || !isString(sub) || !isString(sid) || !isString(jti)) return null;
  if (typeof iat !== "number" || typeof exp !== "number") return null;
  if (!Array.isArray(roles) || !roles.every(isString)) return null;
  return { iss, aud, sub, sid, jti, iat, exp, roles };
}

export interface KeySetCacheOptions {
  /** How long a fetched key set is used (the JWKS max-age). */
  maxAgeMs?: number;
  /** An unknown `kid` refetches the set (a rotation), at most this often. */
  minRefetchMs?: number;
  now?: () => number;
}

/**
 * A remote key set (e.g. the auth Worker's JWKS over its service binding) for `keys`:
 * fetched once per `maxAgeMs`, refetched early when a token names a `kid` it lacks, but
 * never more than once per `minRefetchMs`, so random kids cannot flood the key server.
 * A failed fetch keeps the last good set.
 */
export function cachedKeySet(fetchKeys: () => Promise<JWK[]>, options: KeySetCacheOptions = {}) {
  const { maxAgeMs = 300_000, minRefetchMs = 30_000, now = Date.now } = options;
  let keys: JWK[] = [];
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<JWK[]> | undefined;

  const refetch = () =>
    (pending ??= fetchKeys()
      .then((fresh) => {
        keys = fresh;
        return fresh;
      })
      .catch(() => keys)
      .finally(() => {
        fetchedAt = now();
        pending = undefined;
      }));

  return async (kid: string): Promise<JWK[]> => {
    const age = now() - fetchedAt;
    if (age >= maxAgeMs || (age >= minRefetchMs && !keys.some((k) => k.kid === kid))) return refetch();
    return keys;
  };
}

/**
 * Revoked sessions: the KV namespace bound as REVOKED_SESSIONS in auth and the gateway,
 * plus the sessions this isolate revoked itself (immediate here; elsewhere as soon as KV
 * has propagated the write, about 60 s at most).
 */
export function sessionRevocations(kv: KVNamespace, ttlSeconds: number) {
  return {
    async isRevoked(sid: string): Promise<boolean> {
      return revokedHere.has(sid) || (await kv.get(sid)) !== null;
    },
    async revoke(sids: string[]): Promise<void> {
      for (const sid of sids) rememberRevoked(sid, Date.now() + ttlSeconds * 1000);
      // KV refuses a TTL under 60 s.
      await Promise.all(sids.map((sid) => kv.put(sid, "1", { expirationTtl: Math.max(60, ttlSeconds) })));
    },
  };
}

/** Sessions this isolate revoked, with when their last access token expires (epoch ms). */
const revokedHere = new Map<string, number>();
const MAX_REMEMBERED = 10_000;

function rememberRevoked(sid: string, until: number): void {
  revokedHere.set(sid, until);
  if (revokedHere.size <= MAX_REMEMBERED) return;
  // Past their expiry the tokens are dead anyway; KV still answers for the rest.
  const now = Date.now();
  for (const [id, expiry] of revokedHere) if (expiry < now || revokedHere.size > MAX_REMEMBERED) revokedHere.delete(id);
}
