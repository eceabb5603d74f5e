import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadAuthConfig } from "./config";
import { isSessionActive, rotateRefreshToken } from "./sessions";
import { openDb } from "../../../shared/d1";
import { mainExport } from "../../../shared/testing/main-export";
import { createAccessTokenVerifier } from "../../../shared/access-token";
import { tokenAttacks } from "../../../shared/testing/token-attacks";
import { bearer, createAccount, newSigningJwk, signedIn, testApp, testClock } from "../test/fixtures";
import type AuthService from "./index";

const worker = mainExport<Service<AuthService>>();

describe("auth HTTP surface", () => {
  it("serves the public signing keys, never the private part", async () => {
    const response = await worker.fetch("http://auth.test/auth/.well-known/jwks.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const { keys } = await response.json<{ keys: Record<string, string>[] }>();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kid: "test-key", kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(keys[0]).not.toHaveProperty("d");
  });

  it("answers unknown routes with the contract's error body and a request id", async () => {
    const response = await worker.fetch("http://auth.test/auth/nope", { method: "POST" });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "No such route." } });
  });

  it.each([
    ["GET", "/auth/login"],
    ["GET", "/auth/register"],
    ["POST", "/auth/me"],
    ["GET", "/auth/account"],
    ["PUT", "/auth/password"],
  ])("answers %s %s with 405 and Allow", async (method, path) => {
    const response = await worker.fetch(`http://auth.test${path}`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBeTruthy();
    expect(await response.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
  });

  it("reports healthy over RPC", async () => {
    const report = await worker.health({ requestId: "test-request-0001" });
    expect(report).toMatchObject({ service: "auth", ok: true });
  });
});

describe("request bodies", () => {
  const { call } = testApp();

  it("must be JSON: 415 otherwise", async () => {
    const response = await call("/auth/login", { method: "POST", headers: { "content-type": "text/plain" }, body: "email=a" });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
  });

  it("are at most 16 KiB: 413 otherwise, declared or streamed", async () => {
    const big = JSON.stringify({ email: "a@example.com", password: "x".repeat(17 * 1024) });
    const declared = await call("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: big });
    expect(declared.status).toBe(413);
    const stream = new Blob([big]).stream();
    const streamed = await call("/auth/register", { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("that do not parse are 400", async () => {
    const response = await call("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });

  it("with wrong types are 400 with one detail per field", async () => {
    const response = await call("/auth/register", { json: { email: 42, password: ["x"], firstName: "", lastName: "Lovelace" } });
    expect(response.status).toBe(400);
    const { error } = await response.json<{ error: { code: string; details: { field: string; message: string }[] } }>();
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details.map((d) => d.field).sort()).toEqual(["email", "firstName", "password"]);
  });

  it("reject a password that is too short, too long or too common, an overlong email, and bad names", async () => {
    const base = { firstName: "Ada", lastName: "Lovelace" };
    for (const [body, field] of [
      [{ ...base, email: "a@example.com", password: "short" }, "password"],
      [{ ...base, email: "a@example.com", password: "p".repeat(129) }, "password"],
      [{ ...base, email: "a@example.com", password: "Password1" }, "password"],
      [{ ...base, email: "a@example.com", password: "iloveyou" }, "password"],
      [{ ...base, email: `${"a".repeat(250)}@example.com`, password: "a fine passphrase" }, "email"],
      [{ ...base, lastName: "Love\u0007lace", email: "a@example.com", password: "a fine passphrase" }, "lastName"],
      [{ ...base, firstName: "x".repeat(101), email: "a@example.com", password: "a fine passphrase" }, "firstName"],
      [{ ...base, firstName: "Ada\uD800", email: "a@example.com", password: "a fine passphrase" }, "firstName"],
      [{ ...base, lastName: "a\u0000b", email: "a@example.com", password: "a fine passphrase" }, "lastName"],
      [{ ...base, email: "a@example.com", password: "a fine passphrase \uD800" }, "password"],
    ] as const) {
      const response = await call("/auth/register", { json: body });
      expect(response.status).toBe(400);
      const { error } = await response.json<{ error: { details: { field: string }[] } }>();
      expect(error.details.map((d) => d.field)).toEqual([field]);
    }
  });

  it("ignore unknown fields", async () => {
    const response = await call("/auth/login", { json: { email: "nobody@example.com", password: "whatever it is", admin: true } });
    expect(response.status).toBe(401);
  });
});

describe("/auth/me", () => {
  it("answers 401 to every token of the attack matrix, as bearer and as cookie", async () => {
    const { call } = testApp();
    const config = loadAuthConfig(env);
    const attacks = await tokenAttacks({
      privateJwk: config.JWT_PRIVATE_KEY,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      now: Math.floor(Date.now() / 1000),
    });
    for (const [name, token] of attacks) {
      for (const headers of [bearer(token), { cookie: `fafnir_access=${token}` }]) {
        const response = await call("/auth/me", { headers });
        expect(response.status, name).toBe(401);
        expect(await response.json(), name).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
      }
    }
  });

  it("answers 401 without a token and with a malformed Authorization header", async () => {
    const { call } = testApp();
    expect((await call("/auth/me")).status).toBe(401);
    expect((await call("/auth/me", { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });
});

describe("CSRF for cookie-authenticated requests", () => {
  it("refuses a state change by cookie without a matching X-CSRF-Token, and lets bearer requests through", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const user = await createAccount();
    const { accessToken } = await signedIn(user, clock.ms);
    const change = { currentPassword: user.password, newPassword: "another decent passphrase" };
    const cookie = `fafnir_access=${accessToken}; fafnir_csrf=csrf-token-1`;

    const missing = await call("/auth/password", { json: change, headers: { cookie } });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: { code: "CSRF_FAILED" } });
    const wrong = await call("/auth/password", { json: change, headers: { cookie, "x-csrf-token": "csrf-token-2" } });
    expect(wrong.status).toBe(403);

    const right = await call("/auth/password", { json: change, headers: { cookie, "x-csrf-token": "csrf-token-1" } });
    expect(right.status).toBe(204);
    const back = { currentPassword: change.newPassword, newPassword: user.password };
    expect((await call("/auth/password", { json: back, headers: bearer(accessToken) })).status).toBe(204);
  });

  it("applies to logout by refresh cookie", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const { refreshToken } = await signedIn(await createAccount(), clock.ms);
    const cookie = `fafnir_refresh=${refreshToken}; fafnir_csrf=c1`;
    expect((await call("/auth/logout", { method: "POST", headers: { cookie } })).status).toBe(403);
    expect((await call("/auth/logout", { method: "POST", headers: { cookie, "x-csrf-token": "c1" } })).status).toBe(204);
  });
});

describe("logout", () => {
  it("works with an expired access token, ends the session, and is idempotent", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const user = await createAccount();
    const { accessToken, refreshToken, sessionId } = await signedIn(user, clock.ms);
    clock.advance(16 * 60_000);
    const first = await call("/auth/logout", { method: "POST", headers: bearer(accessToken) });
    expect(first.status).toBe(204);
    expect(first.headers.getSetCookie().join("\n")).toMatch(/fafnir_access=;.*Max-Age=0/);
    expect(await env.REVOKED_SESSIONS.get(sessionId)).toBe("1");
    expect((await call("/auth/logout", { method: "POST", headers: bearer(accessToken) })).status).toBe(204);
    const refresh = await call("/auth/refresh", { json: { refreshToken } });
    expect(refresh.status).toBe(401);
    expect(await refresh.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("makes the access token unusable at once", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const { accessToken } = await signedIn(await createAccount(), clock.ms);
    const change = { currentPassword: "a perfectly fine passphrase", newPassword: "x another decent one" };
    expect((await call("/auth/logout", { method: "POST", headers: bearer(accessToken) })).status).toBe(204);
    expect((await call("/auth/password", { json: change, headers: bearer(accessToken) })).status).toBe(401);
    expect((await call("/auth/me", { headers: bearer(accessToken) })).status).toBe(401);
  });

  it("with a session revoked by a password change: {all:true} is 401 and ends no other session", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const user = await createAccount();
    const leaked = await signedIn(user, clock.ms);
    const current = await signedIn(user, clock.ms);
    const change = { currentPassword: user.password, newPassword: "a fresh and decent passphrase" };
    expect((await call("/auth/password", { json: change, headers: bearer(current.accessToken) })).status).toBe(204);
    clock.advance(16 * 60_000); // the leaked access token is now expired as well as revoked

    const byAccessToken = await call("/auth/logout", { json: { all: true }, headers: bearer(leaked.accessToken) });
    expect(byAccessToken.status).toBe(401);
    expect(await byAccessToken.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    expect((await call("/auth/logout", { json: { all: true, refreshToken: leaked.refreshToken } })).status).toBe(401);
    // A plain logout of the already-ended session stays idempotent and ends nothing else.
    expect((await call("/auth/logout", { method: "POST", headers: bearer(leaked.accessToken) })).status).toBe(204);
    expect(await isSessionActive(openDb(env.AUTH_DB), current.sessionId)).toBe(true);
  });

  it("with a rotated refresh token is 401, with or without {all:true}, and ends no session", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const user = await createAccount();
    const victim = await signedIn(user, clock.ms);
    const other = await signedIn(user, clock.ms);
    expect(await rotateRefreshToken(openDb(env.AUTH_DB), victim.refreshToken, clock.ms, 0)).toMatchObject({ kind: "rotated" });
    clock.advance(60_000); // past the reuse grace window

    expect((await call("/auth/logout", { json: { all: true, refreshToken: victim.refreshToken } })).status).toBe(401);
    expect((await call("/auth/logout", { json: { refreshToken: victim.refreshToken } })).status).toBe(401);
    expect(await isSessionActive(openDb(env.AUTH_DB), victim.sessionId)).toBe(true);
    expect(await isSessionActive(openDb(env.AUTH_DB), other.sessionId)).toBe(true);
  });

  it("needs some credential", async () => {
    const { call } = testApp();
    expect((await call("/auth/logout", { method: "POST" })).status).toBe(401);
    expect((await call("/auth/logout", { json: { refreshToken: "unknown" } })).status).toBe(401);
  });
});

describe("POST /auth/password and DELETE /auth/account", () => {
  it("answer 400 with details for a bad body, and 401 without a token", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const user = await createAccount();
    const { accessToken } = await signedIn(user, clock.ms);
    const headers = bearer(accessToken);

    const weak = await call("/auth/password", { json: { currentPassword: user.password, newPassword: "qwertyuiop" }, headers });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ error: { code: "BAD_REQUEST", details: [{ field: "newPassword" }] } });
    const wrongType = await call("/auth/account", { method: "DELETE", json: { password: 12345678 }, headers });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ error: { code: "BAD_REQUEST", details: [{ field: "password" }] } });
    const notJson = await call("/auth/account", { method: "DELETE", headers, body: "password=x" });
    expect(notJson.status).toBe(415);

    expect((await call("/auth/account", { method: "DELETE", json: { password: user.password } })).status).toBe(401);
    expect((await call("/auth/password", { json: { currentPassword: user.password, newPassword: "a new decent passphrase" } })).status).toBe(401);
  });
});

describe("key rotation", () => {
  it("lists the previous key, whose tokens still verify until they expire and still log out", async () => {
    const clock = testClock();
    const user = await createAccount();
    const old = await signedIn(user, clock.ms);
    const next = await newSigningJwk("next-key");
    const { d: _, ...previous } = JSON.parse(env.JWT_PRIVATE_KEY) as Record<string, string>;
    const rotated = { ...env, JWT_PRIVATE_KEY: JSON.stringify(next), JWT_PREVIOUS_PUBLIC_KEY: JSON.stringify(previous) };
    const { call } = testApp(clock, rotated);

    const { keys } = await (await call("/auth/.well-known/jwks.json")).json<{ keys: { kid: string; x: string; y: string }[] }>();
    expect(keys.map((k) => k.kid)).toEqual(["next-key", "test-key"]);
    const config = loadAuthConfig(rotated);
    const verify = createAccessTokenVerifier({ issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, keys: () => keys, now: clock.now });
    expect((await verify(old.accessToken)).ok).toBe(true);
    expect((await call("/auth/logout", { method: "POST", headers: bearer(old.accessToken) })).status).toBe(204);

    clock.advance(15 * 60_000 + 1_000);
    expect(await verify(old.accessToken)).toEqual({ ok: false, reason: "expired" });

    const unrotated = createAccessTokenVerifier({ issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, keys: () => keys.slice(0, 1), now: clock.now });
    expect((await unrotated(old.accessToken)).ok).toBe(false);
  });
});

describe("auth configuration", () => {
  it("names a missing signing key and where to set it", () => {
    const { JWT_PRIVATE_KEY: _, ...rest } = env;
    expect(() => loadAuthConfig({ ...rest })).toThrow(/JWT_PRIVATE_KEY is missing.*wrangler secret put JWT_PRIVATE_KEY/);
  });

  it("rejects a public key where the private signing key belongs", () => {
    const { d: _, ...publicOnly } = JSON.parse(env.JWT_PRIVATE_KEY) as Record<string, string>;
    expect(() => loadAuthConfig({ ...env, JWT_PRIVATE_KEY: JSON.stringify(publicOnly) })).toThrow(/JWT_PRIVATE_KEY/);
  });

  it("rejects a key that is not JSON", () => {
    expect(() => loadAuthConfig({ ...env, JWT_PRIVATE_KEY: "not json" })).toThrow(/JWT_PRIVATE_KEY is malformed/);
  });

  it("lists the previous key during a rotation", async () => {
    const { d: _, ...previous } = JSON.parse(env.JWT_PRIVATE_KEY) as Record<string, string>;
    const config = loadAuthConfig({ ...env, JWT_PREVIOUS_PUBLIC_KEY: JSON.stringify({ ...previous, kid: "old-key" }) });
    expect(config.JWT_PREVIOUS_PUBLIC_KEY?.kid).toBe("old-key");
  });
});
