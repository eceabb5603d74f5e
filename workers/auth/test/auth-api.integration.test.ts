import { randomBytes, scryptSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_ROUTES } from "../../../shared/auth-routes.ts";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { authClient, cookies, cookieValue, PASSWORD, uniqueEmail, type D1Reader, type KvReader } from "./node/client.ts";

let platform: Platform;
let client: ReturnType<typeof authClient>;
beforeAll(async () => {
  platform = await startPlatform();
  client = authClient(platform);
});
afterAll(() => platform?.stop());

const meta = { requestId: "auth-integration-0001" };

describe("POST /auth/register", () => {
  it("answers 201 signed in, with the profile and the member role in place before it answers", async () => {
    const email = uniqueEmail("new");
    const { response, body } = await client.register(`  ${email.toUpperCase()} `);
    expect(response.status).toBe(201);
    expect(body).toMatchObject({ user: { email, roles: ["member"] }, tokenType: "Bearer", expiresIn: 900, refreshExpiresIn: 2592000 });
    expect(Object.keys(cookies(response)).sort()).toEqual(["fafnir_access", "fafnir_csrf", "fafnir_refresh"]);

    const me = await client.me(body.accessToken);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ id: body.user.id, email, roles: ["member"], createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    const user = await platform.rpc("user");
    const profiles = (await user.profiles(meta, [body.user.id])) as { ok: true; value: Record<string, { firstName: string }> };
    expect(profiles.value[body.user.id]?.firstName).toBe("Ada");
  });

  it("answers 409 for a taken email, whatever its case", async () => {
    const email = uniqueEmail();
    expect((await client.register(email)).response.status).toBe(201);
    const again = await client.register(email.toUpperCase());
    expect(again.response.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "CONFLICT" } });
  });

  it("answers 400 with details for invalid fields", async () => {
    const response = await client.call("/auth/register", { json: { email: "not-an-email", password: "password", firstName: " ", lastName: "x" } });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { details: { field: string }[] } };
    expect(error.details.map((d) => d.field).sort()).toEqual(["email", "firstName", "password"]);
  });
});

describe("POST /auth/login", () => {
  it("answers 200 with the tokens and the three cookies of the contract", async () => {
    const email = uniqueEmail();
    await client.register(email);
    const { response, body } = await client.login(email);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ user: { email, roles: ["member"] }, tokenType: "Bearer", expiresIn: 900 });
    const set = cookies(response);
    expect(set.fafnir_access).toMatch(/HttpOnly/);
    expect(set.fafnir_access).toMatch(/Max-Age=900/);
    expect(set.fafnir_access).toMatch(/Path=\/;/);
    expect(set.fafnir_access).toMatch(/Secure/);
    expect(set.fafnir_access).toMatch(/SameSite=Lax/);
    expect(set.fafnir_refresh).toMatch(/HttpOnly/);
    expect(set.fafnir_refresh).toMatch(/Path=\/auth/);
    expect(set.fafnir_refresh).toMatch(/SameSite=Strict/);
    expect(set.fafnir_refresh).toMatch(/Max-Age=2592000/);
    expect(set.fafnir_csrf).not.toMatch(/HttpOnly/);
    expect(set.fafnir_csrf).toMatch(/SameSite=Lax/);
    expect(cookieValue(set.fafnir_access)).toBe(body.accessToken);
    expect(cookieValue(set.fafnir_refresh)).toBe(body.refreshToken);
  });

  it("resets the consecutive-failure count after a success", async () => {
    const email = uniqueEmail();
    await client.register(email);
    for (let i = 0; i < 4; i++) expect((await client.login(email, "wrong password")).response.status).toBe(401);
    expect((await client.login(email)).response.status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await client.login(email, "wrong password")).response.status).toBe(401);
    expect((await client.login(email)).response.status).toBe(200);
  });
});

describe("password hash upgrades", () => {
  it("re-hashes an outdated hash with the current parameters at the next sign-in", async () => {
    const email = uniqueEmail("legacy");
    const { body } = await client.register(email);
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const b64 = (bytes: Buffer) => bytes.toString("base64").replace(/=+$/, "");
    const legacy = `$scrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(key)}`;
    const auth = (await platform.worker("auth").getEnv()) as { AUTH_DB: D1Reader };
    await auth.AUTH_DB.prepare("UPDATE users SET password_hash = ?1 WHERE id = ?2").bind(legacy, body.user.id).all();

    expect((await client.login(email)).response.status).toBe(200);
    const row = await auth.AUTH_DB.prepare("SELECT password_hash AS hash FROM users WHERE id = ?1").bind(body.user.id).first<{ hash: string }>();
    expect(row?.hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
    expect((await client.login(email)).response.status).toBe(200);
  });
});

describe("GET /auth/me", () => {
  it("accepts the access cookie as well as a bearer token", async () => {
    const { response, body } = await client.register();
    const access = cookieValue(cookies(response).fafnir_access);
    const me = await client.call("/auth/me", { headers: { cookie: `fafnir_access=${access}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(body.user.id);
  });
});

describe("POST /auth/refresh", () => {
  it("rotates in API mode: new tokens in the body, no cookies", async () => {
    const { body } = await client.register();
    const refreshed = await client.call("/auth/refresh", { json: { refreshToken: body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.getSetCookie()).toEqual([]);
    const next = (await refreshed.json()) as { accessToken: string; refreshToken: string; expiresIn: number };
    expect(next.refreshToken).not.toBe(body.refreshToken);
    expect(next.expiresIn).toBe(900);
    expect((await client.me(next.accessToken)).status).toBe(200);
    // Within the grace window a replaced token is refused, but the session lives on.
    const raced = await client.call("/auth/refresh", { json: { refreshToken: body.refreshToken } });
    expect(raced.status).toBe(401);
    expect(await raced.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    expect((await client.call("/auth/refresh", { json: { refreshToken: next.refreshToken } })).status).toBe(200);
  });

  it("rotates in browser mode with the cookie and X-CSRF-Token, never putting the refresh token in the body", async () => {
    const { response } = await client.register();
    const set = cookies(response);
    const cookie = `fafnir_refresh=${cookieValue(set.fafnir_refresh)}; fafnir_csrf=${cookieValue(set.fafnir_csrf)}`;
    const forged = await client.call("/auth/refresh", { method: "POST", headers: { cookie } });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: "CSRF_FAILED" } });

    const refreshed = await client.call("/auth/refresh", { method: "POST", headers: { cookie, "x-csrf-token": cookieValue(set.fafnir_csrf) } });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["accessToken", "expiresIn", "tokenType"]);
    const rotated = cookies(refreshed);
    expect(cookieValue(rotated.fafnir_refresh)).not.toBe(cookieValue(set.fafnir_refresh));
    expect(cookieValue(rotated.fafnir_access)).toBe(body.accessToken);
  });

  it("answers 401 for an unknown refresh token", async () => {
    const response = await client.call("/auth/refresh", { json: { refreshToken: "not-a-real-token" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });
});

describe("POST /auth/logout", () => {
  it("answers 204, clears the cookies, and kills the access token for /auth/me and the gateway's revocation list", async () => {
    const { body } = await client.register();
    const sid = JSON.parse(atob(body.accessToken.split(".")[1]!.replaceAll("-", "+").replaceAll("_", "/"))).sid as string;
    const logout = await client.call("/auth/logout", { method: "POST", headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().every((line) => /Max-Age=0/.test(line))).toBe(true);
    expect((await client.me(body.accessToken)).status).toBe(401);
    const gateway = (await platform.worker("gateway").getEnv()) as { REVOKED_SESSIONS: KvReader };
    expect(await gateway.REVOKED_SESSIONS.get(sid)).toBe("1");
    expect((await client.call("/auth/refresh", { json: { refreshToken: body.refreshToken } })).status).toBe(401);
  });

  it("with all:true ends every session of the user", async () => {
    const email = uniqueEmail();
    const first = (await client.register(email)).body;
    const second = (await client.login(email)).body;
    const logout = await client.call("/auth/logout", { json: { all: true }, headers: { authorization: `Bearer ${second.accessToken}` } });
    expect(logout.status).toBe(204);
    expect((await client.me(first.accessToken)).status).toBe(401);
    expect((await client.call("/auth/refresh", { json: { refreshToken: first.refreshToken } })).status).toBe(401);
  });

  it("refuses {all:true} with a session revoked by a password change, or a rotated refresh token: 401, the victim stays signed in", async () => {
    const email = uniqueEmail("victim");
    const leaked = (await client.register(email)).body;
    const victim = (await client.login(email)).body;
    const headers = { authorization: `Bearer ${victim.accessToken}` };
    expect((await client.call("/auth/password", { json: { currentPassword: PASSWORD, newPassword: "a brand new passphrase" }, headers })).status).toBe(204);

    const all = (credentials: { headers?: Record<string, string>; refreshToken?: string }) =>
      client.call("/auth/logout", { json: { all: true, ...(credentials.refreshToken ? { refreshToken: credentials.refreshToken } : {}) }, headers: credentials.headers ?? {} });
    expect((await all({ headers: { authorization: `Bearer ${leaked.accessToken}` } })).status).toBe(401);
    expect((await all({ refreshToken: leaked.refreshToken })).status).toBe(401);
    expect((await client.me(victim.accessToken)).status).toBe(200);

    const refreshed = await client.call("/auth/refresh", { json: { refreshToken: victim.refreshToken } });
    const { refreshToken: newest } = (await refreshed.json()) as { refreshToken: string };
    expect((await all({ refreshToken: victim.refreshToken })).status).toBe(401);
    expect((await client.call("/auth/refresh", { json: { refreshToken: newest } })).status).toBe(200);
  });

  it("works with the refresh token alone", async () => {
    const { body } = await client.register();
    expect((await client.call("/auth/logout", { json: { refreshToken: body.refreshToken } })).status).toBe(204);
    expect((await client.me(body.accessToken)).status).toBe(401);
  });
});

describe("POST /auth/password", () => {
  it("answers 204, ends every other session and keeps the current one", async () => {
    const email = uniqueEmail();
    const other = (await client.register(email)).body;
    const current = (await client.login(email)).body;
    const headers = { authorization: `Bearer ${current.accessToken}` };
    const changed = await client.call("/auth/password", { json: { currentPassword: PASSWORD, newPassword: "a brand new passphrase" }, headers });
    expect(changed.status).toBe(204);
    expect((await client.me(other.accessToken)).status).toBe(401);
    expect((await client.call("/auth/refresh", { json: { refreshToken: other.refreshToken } })).status).toBe(401);
    expect((await client.me(current.accessToken)).status).toBe(200);
    expect((await client.login(email)).response.status).toBe(401);
    expect((await client.login(email, "a brand new passphrase")).response.status).toBe(200);
  });

  it("answers 401 INVALID_CREDENTIALS for a wrong current password, and 401 without a token", async () => {
    const { body } = await client.register();
    const headers = { authorization: `Bearer ${body.accessToken}` };
    const wrong = await client.call("/auth/password", { json: { currentPassword: "not it at all", newPassword: "a brand new passphrase" }, headers });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: "INVALID_CREDENTIALS" } });
    expect((await client.call("/auth/password", { json: { currentPassword: PASSWORD, newPassword: "a brand new passphrase" } })).status).toBe(401);
  });
});

describe("DELETE /auth/account", () => {
  it("removes credentials, sessions, profile, watchlist and grants; the email can register again", async () => {
    const email = uniqueEmail();
    const { body } = await client.register(email);
    const userId = body.user.id;
    const user = await platform.rpc("user");
    await user.addToWatchlist(meta, userId, "AAPL");
    const headers = { authorization: `Bearer ${body.accessToken}` };

    const wrong = await client.call("/auth/account", { method: "DELETE", json: { password: "not the password" }, headers });
    expect(wrong.status).toBe(401);
    const deleted = await client.call("/auth/account", { method: "DELETE", json: { password: PASSWORD }, headers });
    expect(deleted.status).toBe(204);

    expect((await client.me(body.accessToken)).status).toBe(401);
    expect((await client.login(email)).response.status).toBe(401);
    expect(await user.profiles(meta, [userId])).toEqual({ ok: true, value: {} });
    expect(await user.overview(meta, userId)).toEqual({ ok: true, value: { profile: null, watchlist: [] } });
    const security = await platform.rpc("security");
    expect(await security.access(meta, [userId])).toEqual({ ok: true, value: { [userId]: { roles: [], permissions: [] } } });
    const auth = (await platform.worker("auth").getEnv()) as { AUTH_DB: D1Reader };
    const left = await auth.AUTH_DB.prepare("SELECT (SELECT count(*) FROM users WHERE id = ?1) + (SELECT count(*) FROM sessions WHERE user_id = ?1) AS n").bind(userId).first<{ n: number }>();
    expect(left?.n).toBe(0);
    expect((await client.register(email)).response.status).toBe(201);
  });
});

describe("GET /auth/openapi.json", () => {
  it("answers through the gateway with every route of the table, and its register example signs up for real", async () => {
    const response = await client.call("/auth/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, { post?: { requestBody: { content: { "application/json": { example: Record<string, string> } } } } }>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(AUTH_ROUTES).sort());
    const example = doc.paths["/auth/register"]!.post!.requestBody.content["application/json"].example;
    const registered = await client.call("/auth/register", { json: { ...example, email: uniqueEmail("openapi") } });
    expect(registered.status).toBe(201);
  });
});
