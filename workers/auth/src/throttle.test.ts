import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openDb } from "../../../shared/d1";
import { BACKOFF_BASE_MS, HASHING_PER_ADDRESS, LOGIN_IN_FLIGHT_TTL_MS, MAX_FAILURES_PER_HOUR } from "./limits";
import { countRequest, recordLoginFailure, recordLoginSuccess, reserveLoginAttempt } from "./throttle";
import { createAccount, envWithRoles, testApp, testClock, uniqueEmail } from "../test/fixtures";

const db = openDb(env.AUTH_DB);

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

  it("backs off after 5 consecutive failures with 429 and Retry-After, doubling, and lets the account in once it is over", { timeout: 60_000 }, async () => {
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

  it.each([8, 20])("lets %i parallel logins with the right password all in: attempts in flight are no failures", { timeout: 120_000 }, async (n) => {
    const { call } = testApp(testClock(), envWithRoles);
    const user = await createAccount();
    const login = () => call("/auth/login", { json: { email: user.email, password: user.password } });
    const statuses = (await Promise.all(Array.from({ length: n }, login))).map((r) => r.status);
    expect(statuses).toEqual(Array<number>(n).fill(200));
    // Nothing was counted against the account: five wrong passwords still come before the back-off.
    for (let i = 0; i < 5; i++) expect((await call("/auth/login", { json: { email: user.email, password: "wrong password" } })).status).toBe(401);
    expect((await call("/auth/login", { json: { email: user.email, password: "wrong password" } })).status).toBe(429);
  });

  it("evaluates only 5 of 8 parallel wrong guesses, then refuses the right password too", { timeout: 120_000 }, async () => {
    const { call } = testApp();
    const user = await createAccount();
    const guess = () => call("/auth/login", { json: { email: user.email, password: "wrong password" } });
    const responses = await Promise.all(Array.from({ length: 8 }, guess));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    for (const refused of responses.filter((r) => r.status === 429)) expect(refused.headers.get("retry-after")).toBe(String(BACKOFF_BASE_MS / 1000));
    const right = await call("/auth/login", { json: { email: user.email, password: user.password } });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toBe(String(BACKOFF_BASE_MS / 1000));
  });

  it("evaluates only 5 of 20 parallel wrong guesses of an unknown email", { timeout: 120_000 }, async () => {
    const { call } = testApp();
    const email = uniqueEmail("ghost");
    const guess = () => call("/auth/login", { json: { email, password: "whatever it is" } });
    const statuses = (await Promise.all(Array.from({ length: 20 }, guess))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it("throttles an unknown email exactly like a known one", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const email = uniqueEmail("ghost");
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call("/auth/login", { json: { email, password: "whatever it is" } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  /** One evaluated attempt that failed. */
  async function failOnce(email: string, nowMs: number) {
    expect(await reserveLoginAttempt(db, email, nowMs)).toEqual({ allowed: true });
    await recordLoginFailure(db, email, nowMs);
  }

  it("restarts the consecutive count after a success", async () => {
    const clock = testClock();
    const email = uniqueEmail();
    for (let i = 0; i < 4; i++) await failOnce(email, clock.ms);
    expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: true });
    await recordLoginSuccess(db, email);
    for (let i = 0; i < 5; i++) await failOnce(email, clock.ms);
    expect((await reserveLoginAttempt(db, email, clock.ms)).allowed).toBe(false);
  });

  it("lets no more attempts in flight at once than failures may still come before the back-off", async () => {
    const clock = testClock();
    const email = uniqueEmail();
    await failOnce(email, clock.ms);
    await failOnce(email, clock.ms);
    for (let i = 0; i < 3; i++) expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: true });
    expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: false, retryAfterSeconds: 1, busy: true });
    // An attempt that never finishes frees its slot after a while.
    clock.advance(LOGIN_IN_FLIGHT_TTL_MS);
    expect(await reserveLoginAttempt(db, email, clock.ms)).toEqual({ allowed: true });
  });

  it(`evaluates at most ${MAX_FAILURES_PER_HOUR} failures per account per hour`, async () => {
    const clock = testClock();
    const email = uniqueEmail();
    // Four failures and a success, over and over: the back-off never starts, the hourly cap does.
    let failures = 0;
    while (failures < MAX_FAILURES_PER_HOUR) {
      for (let i = 0; i < 4 && failures < MAX_FAILURES_PER_HOUR; i++, failures++) await failOnce(email, clock.ms);
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
  it(`allows ${HASHING_PER_ADDRESS.max} sign-in and registration attempts a minute, then 429 until the window ends`, async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < HASHING_PER_ADDRESS.max; i++) expect((await countRequest(db, HASHING_PER_ADDRESS, address, clock.ms)).allowed).toBe(true);
    const headers = { "cf-connecting-ip": address };
    const blocked = await call("/auth/login", { json: { email: uniqueEmail(), password: "some password" }, headers });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("60");
    const registration = { email: uniqueEmail(), password: "a fine passphrase", firstName: "Ada", lastName: "Lovelace" };
    expect((await call("/auth/register", { json: registration, headers })).status).toBe(429);
    clock.advance(60_000);
    expect((await call("/auth/login", { json: { email: uniqueEmail(), password: "some password" }, headers })).status).toBe(401);
  });

  it("counts an address in its canonical form and an IPv6 address by its /64: respellings and neighbours share the limit", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const taken = await createAccount();
    const hex = () => Math.floor(Math.random() * 0xffff).toString(16);
    const [a, b] = [hex(), hex()];
    const net = `2001:db8:${a}:${b}`;
    // Spellings of one address, and other addresses of its /64.
    const spellings = [
      `${net}::1`,
      `2001:0DB8:${a.padStart(4, "0").toUpperCase()}:${b.padStart(4, "0")}:0000:0000:0000:0001`,
      `${net}:0:0:0:1`,
      `${net}:1::2`,
      `${net}:ffff:ffff:ffff:ffff`,
      `${net}::1.2.3.4`,
    ];
    // A taken email: counted per address, answered 409 before any hashing.
    const registration = { email: taken.email, password: "a fine passphrase", firstName: "Ada", lastName: "Lovelace" };
    for (let i = 0; i < HASHING_PER_ADDRESS.max; i++) {
      const address = spellings[i % spellings.length]!;
      expect((await call("/auth/register", { json: registration, headers: { "cf-connecting-ip": address } })).status).toBe(409);
    }
    const neighbour = { "cf-connecting-ip": `${net}:${hex()}:${hex()}::${hex()}` };
    const blocked = await call("/auth/login", { json: { email: uniqueEmail(), password: "some password" }, headers: neighbour });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("60");
    const otherNet = { "cf-connecting-ip": `2001:db8:${a}:${(parseInt(b, 16) ^ 1).toString(16)}::1` };
    expect((await call("/auth/register", { json: registration, headers: otherNet })).status).toBe(409);
  });

  it("counts the spellings of an IPv4 address, IPv4-mapped IPv6 included, as one address", async () => {
    const clock = testClock();
    const { call } = testApp(clock);
    const taken = await createAccount();
    const [x, y] = [Math.floor(Math.random() * 256), Math.floor(Math.random() * 256)];
    const hex2 = (n: number) => n.toString(16).padStart(2, "0");
    const spellings = [`10.${x}.${y}.9`, `::ffff:10.${x}.${y}.9`, `::FFFF:a${hex2(x)}:${hex2(y)}09`, `0:0:0:0:0:ffff:10.${x}.${y}.9`, `010.${x}.${y}.09`];
    const registration = { email: taken.email, password: "a fine passphrase", firstName: "Ada", lastName: "Lovelace" };
    for (let i = 0; i < HASHING_PER_ADDRESS.max; i++) {
      const headers = { "cf-connecting-ip": spellings[i % spellings.length]! };
      expect((await call("/auth/register", { json: registration, headers })).status).toBe(409);
    }
    const blocked = await call("/auth/login", { json: { email: uniqueEmail(), password: "some password" }, headers: { "cf-connecting-ip": `::ffff:10.${x}.${y}.9` } });
    expect(blocked.status).toBe(429);
    expect((await call("/auth/register", { json: registration, headers: { "cf-connecting-ip": `10.${x}.${y}.10` } })).status).toBe(409);
  });
});
