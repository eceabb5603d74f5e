import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BACKOFF_BASE_MS, CLIENT_ATTEMPTS_PER_MINUTE, MAX_FAILURES_PER_HOUR } from "./limits";
import { countClientAttempt, recordLoginSuccess, reserveLoginAttempt } from "./throttle";
import { createAccount, testApp, testClock, uniqueEmail } from "../test/fixtures";

const db = env.AUTH_DB;

async function answer(response: Response) {
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== "x-request-id"));
  return { status: response.status, headers, body: await response.text() };
}

describe("login throttling per account", () => {
  it("answers an unknown email and a wrong password identically, status, headers and body", async () => {
    const { call } = testApp();
    const user = await createAccount();
    const wrong = await answer(await call("/auth/login", { json: { email: user.email, password: "not the password" } }));
    const unknown = await answer(await call("/auth/login", { json: { email: uniqueEmail(), password: "not the password" } }));
    expect(wrong.status).toBe(401);
    expect(unknown).toEqual(wrong);
    expect(JSON.parse(wrong.body)).toEqual({ error: { code: "INVALID_CREDENTIALS", message: "The email or password is incorrect." } });
  });

  it("backs off after 5 consecutive failures with 429 and Retry-After, doubling, and lets the account in once it is over", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const user = await createAccount();
    const login = (password: string) => call("/auth/login", { json: { email: user.email, password } });
    for (let i = 0; i < 5; i++) expect((await login("wrong password")).status).toBe(401);

    const blocked = await login("wrong password");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe(String(BACKOFF_BASE_MS / 1000));
    expect(await blocked.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    // Even the right password waits: it is not evaluated at all.
    expect((await login(user.password)).status).toBe(429);

    clock.advance(BACKOFF_BASE_MS);
    expect((await login("wrong password")).status).toBe(401);
    const longer = await login("wrong password");
    expect(longer.status).toBe(429);
    expect(longer.headers.get("retry-after")).toBe(String((2 * BACKOFF_BASE_MS) / 1000));
  });

  it("throttles an unknown email exactly like a known one", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const email = uniqueEmail("ghost");
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call("/auth/login", { json: { email, password: "whatever it is" } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("restarts the consecutive count after a success", async () => {
    const clock = testClock();
    const email = uniqueEmail();
    for (let i = 0; i < 4; i++) expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: true });
    expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: true });
    await recordLoginSuccess(db, email);
    for (let i = 0; i < 5; i++) expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: true });
    expect((await reserveLoginAttempt(db, email, clock.ms)).allowed).toBe(false);
  });

  it(`evaluates at most ${MAX_FAILURES_PER_HOUR} failures per account per hour`, async () => {
    const clock = testClock();
    const email = uniqueEmail();
    // Four failures and a success, over and over: the back-off never starts, the hourly cap does.
    let failures = 0;
    while (failures < MAX_FAILURES_PER_HOUR) {
      for (let i = 0; i < 4 && failures < MAX_FAILURES_PER_HOUR; i++, failures++) {
        expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: true });
      }
      if (failures === MAX_FAILURES_PER_HOUR) break;
      expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: true });
      await recordLoginSuccess(db, email);
      clock.advance(1_000);
    }
    const capped = await reserveLoginAttempt(db, email, clock.ms);
    expect(capped.allowed).toBe(false);
    if (!capped.allowed) expect(capped.retryAfterSeconds).toBeGreaterThan(3_000);
    clock.advance(3600_000);
    expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: true });
  });
});

describe("throttling per client address", () => {
  it(`allows ${CLIENT_ATTEMPTS_PER_MINUTE} sign-in and registration attempts a minute, then 429 until the window ends`, async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < CLIENT_ATTEMPTS_PER_MINUTE; i++) expect((await countClientAttempt(db, address, clock.ms)).allowed).toBe(true);
    const headers = { "cf-connecting-ip": address };
    const blocked = await call("/auth/login", { json: { email: uniqueEmail(), password: "some password" }, headers });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("60");
    const registration = { email: uniqueEmail(), password: "a fine passphrase", firstName: "Ada", lastName: "Lovelace" };
    expect((await call("/auth/register", { json: registration, headers })).status).toBe(429);
    clock.advance(60_000);
    expect((await call("/auth/login", { json: { email: uniqueEmail(), password: "some password" }, headers })).status).toBe(401);
  });
});
