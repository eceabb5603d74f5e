import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openDb } from "../../../shared/d1";
import { createSession, isSessionActive, revokeUserSessions, rotateRefreshToken, sessionsWithLiveTokens } from "./sessions";
import { testClock } from "../test/fixtures";

const db = openDb(env.AUTH_DB);
const REFRESH_REUSE_GRACE_MS = 10_000;

describe("refresh-token rotation", () => {
  it("replaces the token on every use", async () => {
    const clock = testClock();
    const first = await createSession(db, crypto.randomUUID(), clock.ms);
    const second = await rotateRefreshToken(db, first.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS);
    expect(second).toMatchObject({ kind: "rotated", sessionId: first.sessionId, userId: first.userId });
    if (second.kind !== "rotated") return;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await rotateRefreshToken(db, second.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS);
    expect(third.kind).toBe("rotated");
  });

  it("stores only a digest of each token", async () => {
    const { refreshToken } = await createSession(db, crypto.randomUUID(), Date.now());
    const rows = await env.AUTH_DB.prepare("SELECT token_hash FROM refresh_tokens").all<{ token_hash: string }>();
    expect(rows.results.some((r) => r.token_hash === refreshToken)).toBe(false);
    expect(rows.results.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it("refuses a replaced token within the grace window without ending the session", async () => {
    const clock = testClock();
    const first = await createSession(db, crypto.randomUUID(), clock.ms);
    const second = await rotateRefreshToken(db, first.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS);
    clock.advance(REFRESH_REUSE_GRACE_MS);
    expect(await rotateRefreshToken(db, first.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS)).toEqual({ kind: "replaced-in-grace" });
    expect(await isSessionActive(db, first.sessionId)).toBe(true);
    if (second.kind !== "rotated") throw new Error("expected a rotation");
    expect((await rotateRefreshToken(db, second.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS)).kind).toBe("rotated");
  });

  it("revokes the whole session when a replaced token comes back after the grace window", async () => {
    const clock = testClock();
    const first = await createSession(db, crypto.randomUUID(), clock.ms);
    const second = await rotateRefreshToken(db, first.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS);
    if (second.kind !== "rotated") throw new Error("expected a rotation");
    clock.advance(REFRESH_REUSE_GRACE_MS + 1);
    expect(await rotateRefreshToken(db, first.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS)).toEqual({ kind: "reused", sessionId: first.sessionId });
    expect(await isSessionActive(db, first.sessionId)).toBe(false);
    // The newest token of the session stops working too.
    expect(await rotateRefreshToken(db, second.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS)).toEqual({ kind: "invalid" });
  });

  it("lets exactly one of two concurrent refreshes with one token win", async () => {
    const clock = testClock();
    const first = await createSession(db, crypto.randomUUID(), clock.ms);
    const results = await Promise.all([0, 1, 2].map(() => rotateRefreshToken(db, first.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS)));
    expect(results.filter((r) => r.kind === "rotated")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "replaced-in-grace")).toHaveLength(2);
  });

  it("refuses unknown and expired tokens", async () => {
    const clock = testClock();
    expect((await rotateRefreshToken(db, "no-such-token", clock.ms, REFRESH_REUSE_GRACE_MS)).kind).toBe("invalid");
    const { refreshToken } = await createSession(db, crypto.randomUUID(), clock.ms);
    clock.advance(31 * 24 * 3600_000);
    expect((await rotateRefreshToken(db, refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS)).kind).toBe("invalid");
  });
});

describe("ending every session of a user", () => {
  it("ends any number of sessions, and names only those with a possibly live access token", async () => {
    const clock = testClock();
    const userId = crypto.randomUUID();
    const old = await Promise.all(Array.from({ length: 110 }, () => createSession(db, userId, clock.ms)));
    clock.advance(16 * 60_000);
    const recent = await createSession(db, userId, clock.ms);
    const current = await createSession(db, userId, clock.ms);

    expect(await sessionsWithLiveTokens(db, userId, clock.ms, current.sessionId)).toEqual([recent.sessionId]);
    await revokeUserSessions(db, userId, clock.ms, current.sessionId);
    for (const s of [...old, recent]) expect(await isSessionActive(db, s.sessionId)).toBe(false);
    expect(await isSessionActive(db, current.sessionId)).toBe(true);
    expect((await rotateRefreshToken(db, old[0]!.refreshToken, clock.ms, REFRESH_REUSE_GRACE_MS)).kind).toBe("invalid");
  });
});
