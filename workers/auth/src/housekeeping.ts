/**
 * Keeps auth_db from growing without bound: throttling counters nobody is blocked by any
 * more, and sessions that can no longer be used (revoked, or their refresh token expired).
 * Run now and then from a request (waitUntil); every statement is idempotent.
 */
import { and, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../../shared/d1";
import { loginFailures, refreshTokens, requestCounts, sessions } from "./db/schema";
import { ACCESS_TOKEN_TTL_SECONDS, FAILURE_WINDOW_MS, LONGEST_REQUEST_WINDOW_MS } from "./limits";

/** Share of sign-in requests that also tidy up. */
export const HOUSEKEEPING_RATE = 0.01;
/** Failure counters are forgotten a day after their window, unless they still block. */
const FORGET_FAILURES_AFTER_MS = 24 * 60 * 60_000;

export async function pruneAuthData(db: Db, nowMs: number): Promise<void> {
  const lastUsable = sql`(SELECT max(${refreshTokens.expiresAt}) FROM ${refreshTokens} WHERE ${refreshTokens.sessionId} = ${sessions.id})`;
  const revokedBefore = new Date(nowMs - ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString();
  await db.batch([
    db
      .delete(loginFailures)
      .where(and(lt(loginFailures.windowStart, nowMs - FAILURE_WINDOW_MS - FORGET_FAILURES_AFTER_MS), lt(loginFailures.blockedUntil, nowMs))),
    db.delete(requestCounts).where(lt(requestCounts.windowStart, nowMs - LONGEST_REQUEST_WINDOW_MS)),
    db.delete(refreshTokens).where(lt(refreshTokens.expiresAt, nowMs)),
    // Sessions with no usable refresh token left, and revoked ones whose tokens have all expired.
    db.delete(sessions).where(sql`(${lastUsable} IS NULL AND ${sessions.revokedAt} IS NULL AND ${sessions.accessIssuedAt} < ${nowMs - ACCESS_TOKEN_TTL_SECONDS * 1000})
      OR (${isNotNull(sessions.revokedAt)} AND ${sessions.revokedAt} < ${revokedBefore})`),
  ]);
}
