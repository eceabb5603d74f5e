/**
 * Exact sign-in throttling with D1 counters (see ../README.md for the numbers).
 *
 * Per account (by normalized email, whether or not it exists): every attempt is counted as
 * a failure *before* the password is checked, in one conditional upsert, so concurrent
 * guesses cannot slip past the limits; a success takes its count back and resets the
 * consecutive count. After BACKOFF_AFTER_FAILURES consecutive failures each further one
 * blocks the account for a doubling back-off; at most MAX_FAILURES_PER_HOUR attempts are
 * ever evaluated per account per hour window.
 *
 * Per client address: attempts in fixed one-minute windows.
 */
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { clientAttempts, loginFailures } from "./db/schema";
import {
  BACKOFF_AFTER_FAILURES,
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  CLIENT_ATTEMPTS_PER_MINUTE,
  CLIENT_WINDOW_MS,
  FAILURE_WINDOW_MS,
  MAX_FAILURES_PER_HOUR,
} from "./limits";

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const retryAfter = (untilMs: number, nowMs: number): ThrottleDecision => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil((untilMs - nowMs) / 1000)),
});

/** Reserves one evaluation of a password for `email`, or says how long to wait. */
export async function reserveLoginAttempt(d1: D1Database, email: string, nowMs: number): Promise<ThrottleDecision> {
  const db = drizzle(d1);
  const windowOver = sql`${loginFailures.windowStart} + ${FAILURE_WINDOW_MS} <= ${nowMs}`;
  const consecutive = sql`${loginFailures.consecutive} + 1`;
  const reserved = await db
    .insert(loginFailures)
    .values({ email, consecutive: 1, windowStart: nowMs, windowCount: 1, blockedUntil: 0 })
    .onConflictDoUpdate({
      target: loginFailures.email,
      set: {
        consecutive,
        windowStart: sql`CASE WHEN ${windowOver} THEN ${nowMs} ELSE ${loginFailures.windowStart} END`,
        windowCount: sql`CASE WHEN ${windowOver} THEN 1 ELSE ${loginFailures.windowCount} + 1 END`,
        // Blocks the attempts that follow this one if it fails too (set now, so that
        // parallel guesses are blocked before this one's hash finishes).
        blockedUntil: sql`CASE WHEN ${consecutive} >= ${BACKOFF_AFTER_FAILURES}
          THEN ${nowMs} + min(${BACKOFF_BASE_MS} * (1 << min(${consecutive} - ${BACKOFF_AFTER_FAILURES}, 10)), ${BACKOFF_MAX_MS})
          ELSE 0 END`,
      },
      setWhere: sql`${loginFailures.blockedUntil} <= ${nowMs} AND (${windowOver} OR ${loginFailures.windowCount} < ${MAX_FAILURES_PER_HOUR})`,
    })
    .returning({ email: loginFailures.email });
  if (reserved.length > 0) return { allowed: true };
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.email, email));
  if (!row) return { allowed: true };
  const until = row.blockedUntil > nowMs ? row.blockedUntil : row.windowStart + FAILURE_WINDOW_MS;
  return retryAfter(until, nowMs);
}

/** The reserved attempt succeeded: it was no failure, and the consecutive count restarts. */
export async function recordLoginSuccess(d1: D1Database, email: string): Promise<void> {
  await drizzle(d1)
    .update(loginFailures)
    .set({ consecutive: 0, blockedUntil: 0, windowCount: sql`max(${loginFailures.windowCount} - 1, 0)` })
    .where(eq(loginFailures.email, email));
}

export async function forgetLoginFailures(d1: D1Database, email: string): Promise<void> {
  await drizzle(d1).delete(loginFailures).where(eq(loginFailures.email, email));
}

/** Counts one attempt from a client address. */
export async function countClientAttempt(d1: D1Database, address: string, nowMs: number): Promise<ThrottleDecision> {
  const windowStart = nowMs - (nowMs % CLIENT_WINDOW_MS);
  const [row] = await drizzle(d1)
    .insert(clientAttempts)
    .values({ address, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: clientAttempts.address,
      set: {
        count: sql`CASE WHEN ${clientAttempts.windowStart} = ${windowStart} THEN ${clientAttempts.count} + 1 ELSE 1 END`,
        windowStart,
      },
    })
    .returning({ count: clientAttempts.count });
  if (row && row.count > CLIENT_ATTEMPTS_PER_MINUTE) return retryAfter(windowStart + CLIENT_WINDOW_MS, nowMs);
  return { allowed: true };
}
