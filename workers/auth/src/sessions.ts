/**
 * Sessions and their rotating refresh tokens in auth_db. Each refresh replaces the
 * session's refresh token; presenting a replaced one again after the grace window means
 * it leaked (or was stolen), so the whole session is revoked.
 */
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { refreshTokens, sessions } from "./db/schema";
import { REFRESH_TOKEN_TTL_SECONDS } from "./limits";
import { opaqueToken, tokenDigest } from "./tokens";

export interface IssuedRefreshToken {
  sessionId: string;
  userId: string;
  refreshToken: string;
}

export type RotationResult =
  | ({ kind: "rotated" } & IssuedRefreshToken)
  /** Unknown, expired, or its session is over. */
  | { kind: "invalid" }
  /** Replaced moments ago (two tabs refreshing at once): refused, the session lives on. */
  | { kind: "replaced-in-grace" }
  /** Replaced earlier: reuse of a leaked token. The session is now revoked. */
  | { kind: "reused"; sessionId: string };

const iso = (ms: number) => new Date(ms).toISOString();

async function newRefreshToken(sessionId: string, nowMs: number) {
  const refreshToken = opaqueToken();
  const row = {
    tokenHash: await tokenDigest(refreshToken),
    sessionId,
    expiresAt: nowMs + REFRESH_TOKEN_TTL_SECONDS * 1000,
    rotatedAt: null,
  };
  return { refreshToken, row };
}

export async function createSession(d1: D1Database, userId: string, nowMs: number): Promise<IssuedRefreshToken> {
  const db = drizzle(d1);
  const sessionId = crypto.randomUUID();
  const { refreshToken, row } = await newRefreshToken(sessionId, nowMs);
  await db.batch([
    db.insert(sessions).values({ id: sessionId, userId, createdAt: iso(nowMs), revokedAt: null }),
    db.insert(refreshTokens).values(row),
  ]);
  return { sessionId, userId, refreshToken };
}

async function findRefreshToken(d1: D1Database, token: string) {
  const db = drizzle(d1);
  const [found] = await db
    .select({
      sessionId: refreshTokens.sessionId,
      expiresAt: refreshTokens.expiresAt,
      rotatedAt: refreshTokens.rotatedAt,
      userId: sessions.userId,
      revokedAt: sessions.revokedAt,
    })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .where(eq(refreshTokens.tokenHash, await tokenDigest(token)));
  return found;
}

export async function rotateRefreshToken(d1: D1Database, token: string, nowMs: number, graceMs: number): Promise<RotationResult> {
  const found = await findRefreshToken(d1, token);
  if (!found || found.revokedAt !== null || found.expiresAt <= nowMs) return { kind: "invalid" };
  if (found.rotatedAt !== null) {
    if (nowMs - found.rotatedAt <= graceMs) return { kind: "replaced-in-grace" };
    await revokeSessions(d1, [found.sessionId], nowMs);
    return { kind: "reused", sessionId: found.sessionId };
  }
  const db = drizzle(d1);
  const tokenHash = await tokenDigest(token);
  // Only one of two concurrent refreshes with the same token gets to replace it.
  const replaced = await db
    .update(refreshTokens)
    .set({ rotatedAt: nowMs })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.rotatedAt)))
    .returning({ sessionId: refreshTokens.sessionId });
  if (replaced.length === 0) return { kind: "replaced-in-grace" };
  const next = await newRefreshToken(found.sessionId, nowMs);
  await db.insert(refreshTokens).values(next.row);
  return { kind: "rotated", sessionId: found.sessionId, userId: found.userId, refreshToken: next.refreshToken };
}

/** The session a refresh token belongs to, whatever its state (logout by refresh token). */
export async function sessionOfRefreshToken(d1: D1Database, token: string): Promise<{ sessionId: string; userId: string } | null> {
  const found = await findRefreshToken(d1, token);
  return found ? { sessionId: found.sessionId, userId: found.userId } : null;
}

export async function isSessionActive(d1: D1Database, sessionId: string): Promise<boolean> {
  const [row] = await drizzle(d1)
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  return row !== undefined;
}

/** Ends sessions (idempotent): their refresh tokens stop working at once. */
export async function revokeSessions(d1: D1Database, sessionIds: string[], nowMs: number): Promise<void> {
  if (sessionIds.length === 0) return;
  const db = drizzle(d1);
  await db.batch([
    db.update(sessions).set({ revokedAt: iso(nowMs) }).where(and(sql`${sessions.id} IN ${sessionIds}`, isNull(sessions.revokedAt))),
    db.delete(refreshTokens).where(sql`${refreshTokens.sessionId} IN ${sessionIds}`),
  ]);
}

/** The ids of a user's live sessions, but for `except`. */
export async function activeSessionIds(d1: D1Database, userId: string, except?: string): Promise<string[]> {
  const rows = await drizzle(d1)
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), except ? ne(sessions.id, except) : undefined));
  return rows.map((r) => r.id);
}

/** Every session row of a user (account deletion). */
export async function allSessionIds(d1: D1Database, userId: string): Promise<string[]> {
  const rows = await drizzle(d1).select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  return rows.map((r) => r.id);
}

export async function deleteSessionsOf(d1: D1Database, userId: string): Promise<void> {
  const db = drizzle(d1);
  await db.batch([
    db.delete(refreshTokens).where(sql`${refreshTokens.sessionId} IN (SELECT id FROM sessions WHERE user_id = ${userId})`),
    db.delete(sessions).where(eq(sessions.userId, userId)),
  ]);
}
