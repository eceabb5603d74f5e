/**
 * Sessions and their rotating refresh tokens in auth_db. Each refresh replaces the
 * session's refresh token; presenting a replaced one again after the grace window means
 * it leaked (or was stolen), so the whole session is revoked.
 */
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../../shared/d1";
import { refreshTokens, sessions } from "./db/schema";
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from "./limits";
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

export async function createSession(db: Db, userId: string, nowMs: number): Promise<IssuedRefreshToken> {
  const sessionId = crypto.randomUUID();
  const { refreshToken, row } = await newRefreshToken(sessionId, nowMs);
  await db.batch([
    db.insert(sessions).values({ id: sessionId, userId, createdAt: iso(nowMs), revokedAt: null, accessIssuedAt: nowMs }),
    db.insert(refreshTokens).values(row),
  ]);
  return { sessionId, userId, refreshToken };
}

async function findRefreshToken(db: Db, token: string) {
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

export async function rotateRefreshToken(db: Db, token: string, nowMs: number, graceMs: number): Promise<RotationResult> {
  const found = await findRefreshToken(db, token);
  if (!found || found.revokedAt !== null || found.expiresAt <= nowMs) return { kind: "invalid" };
  if (found.rotatedAt !== null) {
    if (nowMs - found.rotatedAt <= graceMs) return { kind: "replaced-in-grace" };
    await revokeSession(db, found.sessionId, nowMs);
    return { kind: "reused", sessionId: found.sessionId };
  }
  const tokenHash = await tokenDigest(token);
  // Only one of two concurrent refreshes with the same token gets to replace it.
  const replaced = await db
    .update(refreshTokens)
    .set({ rotatedAt: nowMs })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.rotatedAt)))
    .returning({ sessionId: refreshTokens.sessionId });
  if (replaced.length === 0) return { kind: "replaced-in-grace" };
  const next = await newRefreshToken(found.sessionId, nowMs);
  await db.batch([
    db.insert(refreshTokens).values(next.row),
    db.update(sessions).set({ accessIssuedAt: nowMs }).where(eq(sessions.id, found.sessionId)),
  ]);
  return { kind: "rotated", sessionId: found.sessionId, userId: found.userId, refreshToken: next.refreshToken };
}

/** The session a refresh token belongs to, whatever its state (refresh: a rotated one is reuse). */
export async function sessionOfRefreshToken(db: Db, token: string): Promise<{ sessionId: string; userId: string } | null> {
  const found = await findRefreshToken(db, token);
  return found ? { sessionId: found.sessionId, userId: found.userId } : null;
}

/**
 * The live session whose current refresh token this is: not rotated, not expired, its
 * session not revoked. Logout by refresh token takes only this (a rotated token speaks for no one).
 */
export async function sessionOfCurrentRefreshToken(db: Db, token: string, nowMs: number): Promise<{ sessionId: string; userId: string } | null> {
  const found = await findRefreshToken(db, token);
  if (!found || found.rotatedAt !== null || found.revokedAt !== null || found.expiresAt <= nowMs) return null;
  return { sessionId: found.sessionId, userId: found.userId };
}

export async function isSessionActive(db: Db, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  return row !== undefined;
}

/** Ends one session (idempotent): its refresh tokens stop working at once. */
export async function revokeSession(db: Db, sessionId: string, nowMs: number): Promise<void> {
  await db.batch([
    db.update(sessions).set({ revokedAt: iso(nowMs) }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))),
    db.delete(refreshTokens).where(eq(refreshTokens.sessionId, sessionId)),
  ]);
}

const ofUser = (userId: string, except?: string) =>
  and(eq(sessions.userId, userId), isNull(sessions.revokedAt), except ? ne(sessions.id, except) : undefined);

/** Ends every live session of a user but `except` (idempotent). */
export async function revokeUserSessions(db: Db, userId: string, nowMs: number, except?: string): Promise<void> {
  const ended = db.select({ id: sessions.id }).from(sessions).where(ofUser(userId, except));
  await db.batch([
    db.delete(refreshTokens).where(sql`${refreshTokens.sessionId} IN ${ended}`),
    db.update(sessions).set({ revokedAt: iso(nowMs) }).where(ofUser(userId, except)),
  ]);
}

/**
 * A user's live sessions (but `except`) that may still have an unexpired access token:
 * the ones the revocation list must name.
 */
export async function sessionsWithLiveTokens(db: Db, userId: string, nowMs: number, except?: string): Promise<string[]> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(ofUser(userId, except), gt(sessions.accessIssuedAt, nowMs - ACCESS_TOKEN_TTL_SECONDS * 1000)));
  return rows.map((r) => r.id);
}

export async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await db.batch([
    db.delete(refreshTokens).where(sql`${refreshTokens.sessionId} IN (SELECT id FROM sessions WHERE user_id = ${userId})`),
    db.delete(sessions).where(eq(sessions.userId, userId)),
  ]);
}
