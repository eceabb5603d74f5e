import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openDb } from "../../../shared/d1";
import { pruneAuthData } from "./housekeeping";
import { createSession, isSessionActive, revokeSession, rotateRefreshToken } from "./sessions";
import { HASHING_PER_ADDRESS } from "./limits";
import { countRequest, reserveLoginAttempt } from "./throttle";
import { testClock, uniqueEmail } from "../test/fixtures";

const db = openDb(env.AUTH_DB);
const count = async (sql: string, ...values: unknown[]) => (await env.AUTH_DB.prepare(sql).bind(...values).first<{ n: number }>())!.n;

describe("pruneAuthData", () => {
  it("drops what can no longer matter and keeps everything still in use", async () => {
    const clock = testClock();
    const staleEmail = uniqueEmail("stale");
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    await reserveLoginAttempt(db, staleEmail, clock.ms);
    await countRequest(db, HASHING_PER_ADDRESS, address, clock.ms);
    const expired = await createSession(db, crypto.randomUUID(), clock.ms);
    const revoked = await createSession(db, crypto.randomUUID(), clock.ms);
    await revokeSession(db, revoked.sessionId, clock.ms);

    clock.advance(31 * 24 * 3600_000);
    const live = await createSession(db, crypto.randomUUID(), clock.ms);
    const recentEmail = uniqueEmail("recent");
    await reserveLoginAttempt(db, recentEmail, clock.ms);
    await pruneAuthData(db, clock.ms);

    expect(await count("SELECT count(*) AS n FROM login_failures WHERE email = ?", staleEmail)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM login_failures WHERE email = ?", recentEmail)).toBe(1);
    expect(await count("SELECT count(*) AS n FROM client_attempts WHERE address = ?", `${HASHING_PER_ADDRESS.name}:${address}`)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM sessions WHERE id IN (?, ?)", expired.sessionId, revoked.sessionId)).toBe(0);
    expect(await isSessionActive(db, live.sessionId)).toBe(true);
    expect((await rotateRefreshToken(db, live.refreshToken, clock.ms, 10_000)).kind).toBe("rotated");
  });
});
