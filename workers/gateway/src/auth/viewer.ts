/**
 * Who is calling: a bearer token or the `fafnir_access` cookie, verified locally with the
 * shared verifier (keys from the auth JWKS, cached per isolate and refetched on an unknown
 * kid at most every 30 s; revoked sessions refused). A cookie-signed
 * POST must carry X-CSRF-Token equal to the `fafnir_csrf` cookie.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { parse as parseCookies } from "hono/utils/cookie";
import { cachedKeySet, createAccessTokenVerifier, sessionRevocations, type AccessTokenVerifier } from "../../../../shared/access-token";
import type { GatewayConfig } from "../config";
import type { ViewerModel } from "../graphql/models";
import { fetchAuthKeys } from "./jwks";

/** Revocation marks outlive the longest access token (15 minutes). */
const REVOCATION_TTL_SECONDS = 15 * 60;

export type Authentication = { viewer: ViewerModel | null } | { csrfFailed: true };

const verifiers = new WeakMap<GatewayEnv, AccessTokenVerifier>();

/** The id of the request whose verification is under way (a key fetch is stamped with it). */
const verifying = new AsyncLocalStorage<string>();

function verifierFor(env: GatewayEnv, config: GatewayConfig): AccessTokenVerifier {
  let verifier = verifiers.get(env);
  if (!verifier) {
    verifier = createAccessTokenVerifier({
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      keys: cachedKeySet(() => fetchAuthKeys(env.AUTH, verifying.getStore())),
      isRevoked: sessionRevocations(env.REVOKED_SESSIONS, REVOCATION_TTL_SECONDS).isRevoked,
    });
    verifiers.set(env, verifier);
  }
  return verifier;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export async function authenticate(
  request: Request,
  env: GatewayEnv,
  config: GatewayConfig,
  requestId: string,
): Promise<Authentication> {
  const bearer = bearerToken(request.headers.get("authorization") ?? undefined);
  const cookies = parseCookies(request.headers.get("cookie") ?? "");
  const cookie = bearer ? undefined : cookies.fafnir_access;
  const token = bearer ?? cookie;
  if (!token) return { viewer: null };
  if (cookie && request.method === "POST") {
    const csrf = cookies.fafnir_csrf;
    if (!csrf || request.headers.get("x-csrf-token") !== csrf) return { csrfFailed: true };
  }
  const result = await verifying.run(requestId, () => verifierFor(env, config)(token));
  if (!result.ok) return { viewer: null };
  const { sub, sid, exp } = result.claims;
  return { viewer: { userId: sub, sessionId: sid, expiresAt: exp } };
}
