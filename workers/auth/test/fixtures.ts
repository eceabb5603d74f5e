/** Helpers of the auth unit tests (inside workerd, against the real migrated auth_db). */
import { env } from "cloudflare:workers";
import { openDb } from "../../../shared/d1";
import { createApp } from "../src/app";
import { loadAuthConfig } from "../src/config";
import type { AuthDeps } from "../src/context";
import { hashPassword } from "../src/password/hash";
import { createSession } from "../src/sessions";
import { signAccessToken } from "../src/tokens";
import { activateUser, activeUserById, insertPendingUser, type UserRow } from "../src/users";

/** A clock the tests move by hand (epoch ms). */
export function testClock(start = Date.UTC(2026, 10, 24, 12)) {
  const clock = { ms: start, now: () => clock.ms, advance: (ms: number) => void (clock.ms += ms) };
  return clock;
}

export function testApp(clock = testClock(), testEnv: AuthEnv = env, deps: Partial<AuthDeps> = {}) {
  const app = createApp({ now: clock.now, ...deps });
  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set("content-type", "application/json");
    const body = json !== undefined ? JSON.stringify(json) : rest.body;
    return app.request(`http://auth.test${path}`, { method: json !== undefined ? "POST" : "GET", ...rest, headers, body }, testEnv);
  };
  return { app, clock, call };
}

/** auth_db as in `env`, with a security service that gives every user the member role. */
export const envWithRoles = {
  ...env,
  SECURITY: { access: async (_meta: unknown, ids: string[]) => ({ ok: true, value: Object.fromEntries(ids.map((id) => [id, { roles: ["member"] }])) }) },
} as unknown as AuthEnv;

export const uniqueEmail = (label = "user") => `${label}-${crypto.randomUUID()}@example.com`;

/** An active account created directly in auth_db (registration itself needs the other services). */
export async function createAccount(email = uniqueEmail(), password = "a perfectly fine passphrase"): Promise<UserRow & { password: string }> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const db = openDb(env.AUTH_DB);
  await insertPendingUser(db, { id, email, passwordHash: await hashPassword(password), now });
  await activateUser(db, id);
  return { ...(await activeUserById(db, id))!, password };
}

/** A signed-in session of `user` at `nowMs`: its access and refresh tokens. */
export async function signedIn(user: UserRow, nowMs: number, testEnv: AuthEnv = env) {
  const session = await createSession(openDb(testEnv.AUTH_DB), user.id, nowMs);
  const accessToken = await signAccessToken(loadAuthConfig(testEnv), { userId: user.id, sessionId: session.sessionId, roles: ["member"] }, nowMs);
  return { ...session, accessToken };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A fresh ES256 private JWK with `kid` (a new signing key, as after a rotation). */
export async function newSigningJwk(kid: string): Promise<JsonWebKey & { kid: string }> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  return { ...((await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey), kid };
}
