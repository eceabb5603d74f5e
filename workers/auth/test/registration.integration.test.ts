import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { faultControls, standIn, startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { groups, spell, spelling } from "../../../shared/testing/address-spellings.ts";
import { authClient, PASSWORD, uniqueEmail, type D1Reader } from "./node/client.ts";

/**
 * Registration and deletion across the real auth, user, security and trading Workers. Auth
 * reaches them through fault injectors that forward every call to the real service,
 * unless a test arms one call to fail.
 */
/** Short, so a hung service costs a test about a second; still far above a healthy call. */
const RPC_TIMEOUT_MS = 1_000;
let platform: Platform;
let client: ReturnType<typeof authClient>;

const injector = (name: string) => faultControls(platform, name);

beforeAll(async () => {
  platform = await startPlatform({
    extraWorkers: [
      standIn("fault-user", "shared/testing/stand-ins/user.ts", "fafnir-user"),
      standIn("fault-security", "shared/testing/stand-ins/security.ts", "fafnir-security"),
      standIn("fault-trading", "shared/testing/stand-ins/trading.ts", "fafnir-trading"),
    ],
    bindingOverrides: { auth: { USER: "fault-user", SECURITY: "fault-security", TRADING: "fault-trading" } },
    vars: { auth: { REFRESH_REUSE_GRACE_SECONDS: "0", RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) } },
  });
  client = authClient(platform);
});
afterAll(() => platform?.stop());
afterEach(async () => {
  await (await injector("fault-user")).disarm();
  await (await injector("fault-security")).disarm();
  await (await injector("fault-trading")).disarm();
});

const meta = { requestId: "registration-integration-0001" };

/** Every account in auth_db is active with a profile and the member grant; nothing is half-registered. */
async function expectNoPartialUsers(): Promise<number> {
  const auth = (await platform.worker("auth").getEnv()) as { AUTH_DB: D1Reader };
  const { results } = await auth.AUTH_DB.prepare("SELECT id, status FROM users").bind().all<{ id: string; status: string }>();
  expect(results.filter((r) => r.status !== "active")).toEqual([]);
  const user = await platform.rpc("user");
  const security = await platform.rpc("security");
  for (let i = 0; i < results.length; i += 100) {
    const ids = results.slice(i, i + 100).map((r) => r.id);
    const profiles = (await user.profiles(meta, ids)) as { ok: true; value: Record<string, unknown> };
    expect(Object.keys(profiles.value).sort()).toEqual([...ids].sort());
    const access = (await security.access(meta, ids)) as { ok: true; value: Record<string, { roles: string[] }> };
    for (const id of ids) expect(access.value[id]?.roles).toContain("member");
  }
  const userEnv = (await platform.worker("user").getEnv()) as { USER_DB: D1Reader };
  const orphans = await userEnv.USER_DB.prepare("SELECT count(*) AS n FROM profiles").bind().first<{ n: number }>();
  expect(orphans?.n).toBe(results.length);
  return results.length;
}

describe("registration as one saga", () => {
  it("leaves nothing behind when the profile step fails, and answers 503", async () => {
    const before = await expectNoPartialUsers();
    await (await injector("fault-user")).arm("createProfile");
    const email = uniqueEmail("fail-profile");
    const { response, body } = await client.register(email);
    expect(response.status).toBe(503);
    expect(body).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
    expect(await expectNoPartialUsers()).toBe(before);
    expect((await client.login(email)).response.status).toBe(401);
    expect((await client.register(email)).response.status).toBe(201);
  });

  it("undoes the profile when the role grant fails, and answers 503", async () => {
    const before = await expectNoPartialUsers();
    await (await injector("fault-security")).arm("grantRole");
    const email = uniqueEmail("fail-grant");
    const { response } = await client.register(email);
    expect(response.status).toBe(503);
    expect(await expectNoPartialUsers()).toBe(before);
    expect((await client.register(email)).response.status).toBe(201);
  });

  it("lets exactly one of 50 concurrent registrations of one email succeed", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all(Array.from({ length: 50 }, () => client.register(email)));
    const statuses = results.map((r) => r.response.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    await expectNoPartialUsers();
  });
});

describe("a hung service (auth's calls time out after RPC_TIMEOUT_MS)", () => {
  /** Far below the injector's 30 s hang: the answer came from the timeout, not from a late reply. */
  const expectAnsweredByTimeout = (startedAt: number) => {
    const elapsed = Date.now() - startedAt;
    expect(elapsed).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS);
    expect(elapsed).toBeLessThan(RPC_TIMEOUT_MS + 5_000);
  };

  it("registration: 503 within about the timeout, nothing left behind, and a retry registers", async () => {
    const before = await expectNoPartialUsers();
    await (await injector("fault-user")).arm("createProfile", 1, "hang");
    const email = uniqueEmail("hung-profile");
    const startedAt = Date.now();
    const { response, body } = await client.register(email);
    expect(response.status).toBe(503);
    expect(body).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
    expectAnsweredByTimeout(startedAt);
    expect(await expectNoPartialUsers()).toBe(before);
    await (await injector("fault-user")).disarm();
    expect((await client.register(email)).response.status).toBe(201);
    await expectNoPartialUsers();
  });

  it("sign-in: 503 within about the timeout when security hangs, and a retry signs in", async () => {
    const email = uniqueEmail("hung-access");
    expect((await client.register(email)).response.status).toBe(201);
    await (await injector("fault-security")).arm("access", 1, "hang");
    const startedAt = Date.now();
    const { response, body } = await client.login(email);
    expect(response.status).toBe(503);
    expect(body).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
    expectAnsweredByTimeout(startedAt);
    expect((await client.login(email)).response.status).toBe(200);
  });
});

describe("a registration whose undo fails too", () => {
  it("leaves only a pending row that never signs in, and that a later registration clears", async () => {
    const email = uniqueEmail("undo-fails");
    const faults = await injector("fault-user");
    await faults.arm("createProfile");
    await faults.arm("removeUser");
    expect((await client.register(email)).response.status).toBe(503);
    const auth = (await platform.worker("auth").getEnv()) as { AUTH_DB: D1Reader };
    const row = await auth.AUTH_DB.prepare("SELECT status FROM users WHERE email = ?1").bind(email).first<{ status: string }>();
    expect(row?.status).toBe("pending");
    expect((await client.login(email)).response.status).toBe(401);
    // A minute later the email is free again (the row is backdated here instead of waiting).
    await auth.AUTH_DB.prepare("UPDATE users SET created_at = ?1 WHERE email = ?2").bind(new Date(Date.now() - 120_000).toISOString(), email).all();
    expect((await client.register(email)).response.status).toBe(201);
    await expectNoPartialUsers();
  });
});

describe("an abandoned registration", () => {
  it("is never signed in to, and frees its email for the next registration", async () => {
    const email = uniqueEmail("abandoned");
    const auth = (await platform.worker("auth").getEnv()) as { AUTH_DB: D1Reader };
    const longAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    await auth.AUTH_DB.prepare("INSERT INTO users (id, email, password_hash, status, created_at, updated_at) VALUES (?1, ?2, ?3, 'pending', ?4, ?4)")
      .bind(crypto.randomUUID(), email, "$scrypt$ln=15,r=8,p=3$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", longAgo)
      .all();
    expect((await client.login(email)).response.status).toBe(401);
    expect((await client.register(email)).response.status).toBe(201);
    await expectNoPartialUsers();
  });
});

describe("account deletion", () => {
  it("is completed by a retry after a partial failure", async () => {
    const email = uniqueEmail("delete");
    const { body } = await client.register(email);
    const headers = { authorization: `Bearer ${body.accessToken}` };
    await (await injector("fault-user")).arm("removeUser");
    const partial = await client.call("/auth/account", { method: "DELETE", json: { password: PASSWORD }, headers });
    expect(partial.status).toBe(503);
    // The grants are already gone (they go first); the account and its token still work for the retry.
    const security = await platform.rpc("security");
    expect(await security.access(meta, [body.user.id])).toEqual({ ok: true, value: { [body.user.id]: { roles: [], permissions: [] } } });
    const user = await platform.rpc("user");

    const retry = await client.call("/auth/account", { method: "DELETE", json: { password: PASSWORD }, headers });
    expect(retry.status).toBe(204);
    expect(await user.profiles(meta, [body.user.id])).toEqual({ ok: true, value: {} });
    expect((await client.me(body.accessToken)).status).toBe(401);
    expect((await client.register(email)).response.status).toBe(201);
    await expectNoPartialUsers();
  });
});

describe("account deletion and the trading account", () => {
  it("rule: deleting the user deletes the trading account; a trading failure is 503 and the retry finishes the job", async () => {
    const email = uniqueEmail("delete-trader");
    const { body } = await client.register(email);
    const trading = await platform.rpc("trading");
    expect(await trading.openAccount(meta, body.user.id)).toMatchObject({ ok: true, value: { cash: "100000.00" } });
    const headers = { authorization: `Bearer ${body.accessToken}` };
    await (await injector("fault-trading")).arm("removeUser");
    const partial = await client.call("/auth/account", { method: "DELETE", json: { password: PASSWORD }, headers });
    expect(partial.status).toBe(503);
    expect(await trading.account(meta, body.user.id)).toMatchObject({ ok: true, value: { cash: "100000.00" } });
    const retry = await client.call("/auth/account", { method: "DELETE", json: { password: PASSWORD }, headers });
    expect(retry.status).toBe(204);
    expect(await trading.account(meta, body.user.id)).toEqual({ ok: true, value: null });
    expect((await client.register(email)).response.status).toBe(201);
  });
});

describe("refresh-token reuse (grace window set to 0 here)", () => {
  it("revokes the session: 401 SESSION_REVOKED, and the newest token and access token stop working", async () => {
    const { body } = await client.register();
    const first = await client.call("/auth/refresh", { json: { refreshToken: body.refreshToken } });
    const next = (await first.json()) as { accessToken: string; refreshToken: string };
    const reuse = await client.call("/auth/refresh", { json: { refreshToken: body.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(await reuse.json()).toMatchObject({ error: { code: "SESSION_REVOKED" } });
    const newest = await client.call("/auth/refresh", { json: { refreshToken: next.refreshToken } });
    expect(newest.status).toBe(401);
    expect((await client.me(next.accessToken)).status).toBe(401);
  });
});

describe("hostile bodies (property-based)", () => {
  const hostileString = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc.constantFrom("", " ", "\u0000", "a@b", "admin@fafnir.dev", "' OR 1=1 --", "<script>", "\uD800", "💥".repeat(40), "x".repeat(5000)),
  );
  const value = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(hostileString, { maxLength: 3 }), fc.dictionary(fc.string(), hostileString, { maxKeys: 3 }));
  const fields = ["email", "password", "firstName", "lastName", "refreshToken", "all", "currentPassword", "newPassword", "__proto__", "constructor"];
  const jsonBody = fc.oneof(
    fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 300 }),
    fc.constant('{"email": "a@example.com", "password": "aaaaaaaa", "firstName": "A", "lastName": '),
  );
  const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", undefined);
  const route = fc.constantFrom(
    ["POST", "/auth/register"],
    ["POST", "/auth/login"],
    ["POST", "/auth/refresh"],
    ["POST", "/auth/logout"],
    ["POST", "/auth/password"],
    ["DELETE", "/auth/account"],
  );

  it("never answers 500 and never stores a partial user", async () => {
    const { body: signedIn } = await client.register();
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(route, jsonBody, contentType, fc.boolean(), async ([method, path], raw, type, withToken) => {
        const headers: Record<string, string> = { "cf-connecting-ip": client.randomAddress() };
        if (type) headers["content-type"] = type;
        if (withToken) headers.authorization = `Bearer ${signedIn.accessToken}`;
        const response = await platform.fetch(path!, { method: method!, headers, body: raw });
        seen.add(response.status);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          const error = (await response.json()) as { error: { code: string; message: string } };
          expect(typeof error.error.code).toBe("string");
          expect(typeof error.error.message).toBe("string");
        }
      }),
      { numRuns: 150 },
    );
    expect(seen.has(400) && seen.has(415)).toBe(true);
    await expectNoPartialUsers();
  });

  it("accepts any well-formed registration or refuses it with 400/409, never a 500", async () => {
    const name = fc.string({ unit: "grapheme", minLength: 0, maxLength: 120 });
    await fc.assert(
      fc.asyncProperty(fc.emailAddress(), fc.string({ unit: "grapheme", minLength: 0, maxLength: 140 }), name, name, async (email, password, firstName, lastName) => {
        const response = await client.call("/auth/register", { json: { email, password, firstName, lastName } });
        expect([201, 400, 409]).toContain(response.status);
      }),
      { numRuns: 40 },
    );
    await expectNoPartialUsers();
  });
});

describe("the throttle-respelling attack (property-based)", () => {
  // Per client address: 30 sign-in and registration attempts a minute (workers/auth/README.md).
  const PER_MINUTE = 30;
  const prefix = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 4, maxLength: 4 });
  const attempts = fc.array(fc.tuple(groups, spelling), { minLength: 2 * PER_MINUTE + 1, maxLength: 2 * PER_MINUTE + 1 });

  it("gains no attempts by respelling an address or moving within its /64", async () => {
    const email = uniqueEmail("taken");
    expect((await client.register(email)).response.status).toBe(201);
    // A taken email is refused (409) after the per-address count and before any hashing.
    const attempt = (address: string) =>
      client.call("/auth/register", { json: { email, password: PASSWORD, firstName: "Ada", lastName: "Lovelace" }, headers: { "cf-connecting-ip": address } });
    await fc.assert(
      fc.asyncProperty(prefix, attempts, async (net, tries) => {
        // A window can end mid-run and start the count over: the refusal comes within two windows.
        let accepted = 0;
        for (const [low, how] of tries) {
          const response = await attempt(spell([...net, ...low.slice(4)], how));
          if (response.status === 429) break;
          expect(response.status).toBe(409);
          accepted++;
        }
        expect(accepted).toBeGreaterThanOrEqual(PER_MINUTE);
        expect(accepted).toBeLessThanOrEqual(2 * PER_MINUTE);
      }),
      { numRuns: 8, endOnFailure: true },
    );
  });
});
