import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ACCOUNT_CHANGES_PER_ACCOUNT, BACKOFF_AFTER_FAILURES, HASHING_PER_ADDRESS, SESSIONS_PER_ACCOUNT, SESSIONS_PER_ADDRESS } from "./limits";
import { hashSlots } from "./password/hash-slots";
import { bearer, createAccount, envWithRoles, signedIn, testApp, testClock, uniqueEmail } from "../test/fixtures";

const hex = () => Math.floor(Math.random() * 0xffff).toString(16);
/** A client address in a /64 of its own. */
const freshAddress = () => `2001:db8:${hex()}:${hex()}::1`;
const from = (address: string) => ({ "cf-connecting-ip": address });

describe("the routes that hash a password, per client address", () => {
  it(`answers password changes from one address 429 after ${HASHING_PER_ADDRESS.max} requests a minute`, { timeout: 120_000 }, async () => {
    const clock = testClock();
    const { call } = testApp(clock, envWithRoles);
    const address = freshAddress();
    const user = await createAccount();
    const session = await signedIn(user, clock.ms);
    let password = user.password;
    for (let i = 0; i < 3; i++) {
      const next = `a new passphrase number ${i}`;
      const changed = await call("/auth/password", { json: { currentPassword: password, newPassword: next }, headers: { ...bearer(session.accessToken), ...from(address) } });
      expect(changed.status).toBe(204);
      password = next;
    }
    for (let i = 3; i < HASHING_PER_ADDRESS.max; i++) {
      expect((await call("/auth/password", { json: { currentPassword: "x", newPassword: "y" }, headers: from(address) })).status).toBe(401);
    }
    // Up to 40 in all: a genuine change by another account from the same address is refused, unevaluated.
    const other = await createAccount();
    const otherSession = await signedIn(other, clock.ms);
    const change = { currentPassword: other.password, newPassword: "another fine passphrase" };
    for (let i = HASHING_PER_ADDRESS.max; i < 40; i++) {
      const refused = await call("/auth/password", { json: change, headers: { ...bearer(otherSession.accessToken), ...from(address) } });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("60");
    }
    expect((await call("/auth/account", { method: "DELETE", json: { password: other.password }, headers: { ...bearer(otherSession.accessToken), ...from(address) } })).status).toBe(429);
    expect((await call("/auth/password", { json: change, headers: { ...bearer(otherSession.accessToken), ...from(freshAddress()) } })).status).toBe(204);
  });
});

describe("password changes and account deletion, per account", () => {
  it(`allows ${ACCOUNT_CHANGES_PER_ACCOUNT.max} an hour per account, whatever the address, then 429`, { timeout: 60_000 }, async () => {
    const clock = testClock();
    const { call } = testApp(clock, envWithRoles);
    const user = await createAccount();
    const session = await signedIn(user, clock.ms);
    const as = () => ({ ...bearer(session.accessToken), ...from(freshAddress()) });
    for (let i = 0; i < ACCOUNT_CHANGES_PER_ACCOUNT.max; i++) {
      expect((await call("/auth/password", { json: { currentPassword: 42 }, headers: as() })).status).toBe(400);
    }
    const refused = await call("/auth/password", { json: { currentPassword: user.password, newPassword: "a new passphrase" }, headers: as() });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(ACCOUNT_CHANGES_PER_ACCOUNT.windowMs / 1000));
    expect((await call("/auth/account", { method: "DELETE", json: { password: user.password }, headers: as() })).status).toBe(429);

    const other = await createAccount();
    const otherSession = await signedIn(other, clock.ms);
    expect((await call("/auth/account", { method: "DELETE", json: { password: 42 }, headers: { ...bearer(otherSession.accessToken), ...from(freshAddress()) } })).status).toBe(400);
    clock.advance(ACCOUNT_CHANGES_PER_ACCOUNT.windowMs);
    const later = await call("/auth/password", {
      json: { currentPassword: user.password, newPassword: "a new passphrase" },
      headers: { ...bearer((await signedIn(user, clock.ms)).accessToken), ...from(freshAddress()) },
    });
    expect(later.status).toBe(204);
  });
});

describe("refresh and logout", () => {
  it(`allow ${SESSIONS_PER_ADDRESS.max} requests a minute per client address, then 429`, { timeout: 60_000 }, async () => {
    const clock = testClock();
    const { call } = testApp(clock, envWithRoles);
    const address = freshAddress();
    for (let i = 0; i < SESSIONS_PER_ADDRESS.max; i++) {
      const path = i % 2 ? "/auth/refresh" : "/auth/logout";
      expect((await call(path, { json: { refreshToken: "not a token" }, headers: from(address) })).status).toBe(401);
    }
    const user = await createAccount();
    const session = await signedIn(user, clock.ms);
    const refused = await call("/auth/refresh", { json: { refreshToken: session.refreshToken }, headers: from(address) });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect((await call("/auth/logout", { json: {}, headers: { ...bearer(session.accessToken), ...from(address) } })).status).toBe(429);
    expect((await call("/auth/refresh", { json: { refreshToken: session.refreshToken }, headers: from(freshAddress()) })).status).toBe(200);
  });

  it(`allow ${SESSIONS_PER_ACCOUNT.max} requests a minute per account, whatever the address, then 429`, { timeout: 60_000 }, async () => {
    const clock = testClock();
    const { call } = testApp(clock, envWithRoles);
    const user = await createAccount();
    let { refreshToken } = await signedIn(user, clock.ms);
    for (let i = 0; i < SESSIONS_PER_ACCOUNT.max; i++) {
      const refreshed = await call("/auth/refresh", { json: { refreshToken }, headers: from(freshAddress()) });
      expect(refreshed.status).toBe(200);
      refreshToken = (await refreshed.json<{ refreshToken: string }>()).refreshToken;
    }
    const refused = await call("/auth/refresh", { json: { refreshToken }, headers: from(freshAddress()) });
    expect(refused.status).toBe(429);
    const another = await signedIn(user, clock.ms);
    expect((await call("/auth/logout", { json: {}, headers: { ...bearer(another.accessToken), ...from(freshAddress()) } })).status).toBe(429);
    const someoneElse = await signedIn(await createAccount(), clock.ms);
    expect((await call("/auth/logout", { json: {}, headers: { ...bearer(someoneElse.accessToken), ...from(freshAddress()) } })).status).toBe(204);
    clock.advance(SESSIONS_PER_ACCOUNT.windowMs);
    expect((await call("/auth/refresh", { json: { refreshToken }, headers: from(freshAddress()) })).status).toBe(200);
  });
});

describe("password hashes in flight in one isolate", () => {
  it("answers a hash beyond the bound with a fast 503 and Retry-After, and does not count it against the account", { timeout: 60_000 }, async () => {
    const { call } = testApp(testClock(), env, { hashSlots: hashSlots(1, 0) });
    const email = uniqueEmail("busy");
    const guess = () => call("/auth/login", { json: { email, password: "wrong password" } });
    const responses = await Promise.all(Array.from({ length: BACKOFF_AFTER_FAILURES }, guess));
    const busy = responses.filter((r) => r.status === 503);
    const evaluated = responses.filter((r) => r.status === 401).length;
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.length + evaluated).toBe(BACKOFF_AFTER_FAILURES);
    for (const response of busy) {
      expect(response.headers.get("retry-after")).toBe("1");
      expect(await response.json()).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
    }
    // Only the evaluated attempts were failures: the back-off is as many failures away as before.
    for (let i = evaluated; i < BACKOFF_AFTER_FAILURES; i++) expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(429);
  });
});
