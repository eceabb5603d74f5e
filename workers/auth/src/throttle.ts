/**
 * Exact sign-in throttling with D1 counters (see ../README.md for the numbers).
 *
 * Per account (by normalized email, whether or not it exists): an attempt reserves a slot
 * "in flight" before its password is checked, in one conditional upsert, and then records
 * a failure or a success. Attempts in flight are no failures, so correct passwords sent at
 * the same time never count as ones; but they hold slots: at most as many run at once as
 * failures may still come before the back-off (BACKOFF_AFTER_FAILURES minus the completed
 * consecutive failures, at least one), so concurrent guesses cannot slip past the limits.
 * An attempt that finds every slot taken waits for one (LOGIN_SLOT_WAIT_MS at most). After
 * BACKOFF_AFTER_FAILURES consecutive failures each further one blocks the account for a
 * doubling back-off; at most MAX_FAILURES_PER_HOUR attempts are ever evaluated per account
 * per hour window. A success resets the consecutive count and gives back its evaluation.
 *
 * Per client address and per account: requests in fixed windows (limits.ts RequestLimit).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../shared/d1";
import { loginFailures, requestCounts } from "./db/schema";
import {
  BACKOFF_AFTER_FAILURES,
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  FAILURE_WINDOW_MS,
  LOGIN_IN_FLIGHT_TTL_MS,
  LOGIN_SLOT_WAIT_MS,
  MAX_FAILURES_PER_HOUR,
  type RequestLimit,
} from "./limits";

export type ThrottleDecision =
  | { allowed: true }
  /** `busy`: refused only because the account's slots are all in flight; worth waiting for. */
  | { allowed: false; retryAfterSeconds: number; busy?: true };

const retryAfter = (untilMs: number, nowMs: number): ThrottleDecision => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil((untilMs - nowMs) / 1000)),
});

const inFlightAt = (nowMs: number) => sql`CASE WHEN ${loginFailures.inFlightUntil} > ${nowMs} THEN ${loginFailures.inFlight} ELSE 0 END`;
const oneLessInFlight = sql`max(${loginFailures.inFlight} - 1, 0)`;

/** Reserves one evaluation of a password for `email`, or says how long to wait. */
export async function reserveLoginAttempt(db: Db, email: string, nowMs: number): Promise<ThrottleDecision> {
  const windowOver = sql`${loginFailures.windowStart} + ${FAILURE_WINDOW_MS} <= ${nowMs}`;
  const inFlight = inFlightAt(nowMs);
  const inFlightUntil = nowMs + LOGIN_IN_FLIGHT_TTL_MS;
  const reserved = await db
    .insert(loginFailures)
    .values({ email, consecutive: 0, windowStart: nowMs, windowCount: 1, blockedUntil: 0, inFlight: 1, inFlightUntil })
    .onConflictDoUpdate({
      target: loginFailures.email,
      set: {
        inFlight: sql`${inFlight} + 1`,
        inFlightUntil,
        windowStart: sql`CASE WHEN ${windowOver} THEN ${nowMs} ELSE ${loginFailures.windowStart} END`,
        windowCount: sql`CASE WHEN ${windowOver} THEN 1 ELSE ${loginFailures.windowCount} + 1 END`,
      },
      setWhere: sql`${loginFailures.blockedUntil} <= ${nowMs}
        AND (${windowOver} OR ${loginFailures.windowCount} < ${MAX_FAILURES_PER_HOUR})
        AND ${inFlight} < max(1, ${BACKOFF_AFTER_FAILURES} - ${loginFailures.consecutive})`,
    })
    .returning({ email: loginFailures.email });
  if (reserved.length > 0) return { allowed: true };
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.email, email));
  if (!row) return { allowed: true };
  if (row.blockedUntil > nowMs) return retryAfter(row.blockedUntil, nowMs);
  const windowEnd = row.windowStart + FAILURE_WINDOW_MS;
  if (windowEnd > nowMs && row.windowCount >= MAX_FAILURES_PER_HOUR) return retryAfter(windowEnd, nowMs);
  return { allowed: false, retryAfterSeconds: 1, busy: true };
}

/** Polls for a slot: soon at first, then less often, for LOGIN_SLOT_WAIT_MS at most. */
const FIRST_POLL_MS = 25;
const LONGEST_POLL_MS = 500;

/** reserveLoginAttempt, waiting while the account's slots are all in flight. */
export async function reserveLoginAttemptWhenFree(db: Db, email: string, now: () => number): Promise<ThrottleDecision> {
  let waited = 0;
  for (let pause = FIRST_POLL_MS; ; pause = Math.min(2 * pause, LONGEST_POLL_MS)) {
    const decision = await reserveLoginAttempt(db, email, now());
    if (decision.allowed || !decision.busy || waited >= LOGIN_SLOT_WAIT_MS) return decision;
    await scheduler.wait(pause);
    waited += pause;
  }
}

/** The reserved attempt had the right password: the consecutive count restarts. */
export async function recordLoginSuccess(db: Db, email: string): Promise<void> {
  await db
    .update(loginFailures)
    .set({ consecutive: 0, blockedUntil: 0, windowCount: sql`max(${loginFailures.windowCount} - 1, 0)`, inFlight: oneLessInFlight })
    .where(eq(loginFailures.email, email));
}

/** The reserved attempt failed: one more consecutive failure, and past the limit a back-off. */
export async function recordLoginFailure(db: Db, email: string, nowMs: number): Promise<void> {
  const consecutive = sql`${loginFailures.consecutive} + 1`;
  await db
    .update(loginFailures)
    .set({
      consecutive,
      inFlight: oneLessInFlight,
      blockedUntil: sql`CASE WHEN ${consecutive} >= ${BACKOFF_AFTER_FAILURES}
        THEN ${nowMs} + min(${BACKOFF_BASE_MS} * (1 << min(${consecutive} - ${BACKOFF_AFTER_FAILURES}, 10)), ${BACKOFF_MAX_MS})
        ELSE ${loginFailures.blockedUntil} END`,
    })
    .where(eq(loginFailures.email, email));
}

/** The reserved attempt was never evaluated (the server was too busy to hash): it gives everything back. */
export async function releaseLoginAttempt(db: Db, email: string): Promise<void> {
  await db
    .update(loginFailures)
    .set({ inFlight: oneLessInFlight, windowCount: sql`max(${loginFailures.windowCount} - 1, 0)` })
    .where(eq(loginFailures.email, email));
}

export async function forgetLoginFailures(db: Db, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}

/** Counts one request against `limit` for `subject` (a client key or a user id), or says how long to wait. */
export async function countRequest(db: Db, limit: RequestLimit, subject: string, nowMs: number): Promise<ThrottleDecision> {
  const windowStart = nowMs - (nowMs % limit.windowMs);
  const [row] = await db
    .insert(requestCounts)
    .values({ key: `${limit.name}:${subject}`, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: requestCounts.key,
      set: {
        count: sql`CASE WHEN ${requestCounts.windowStart} = ${windowStart} THEN ${requestCounts.count} + 1 ELSE 1 END`,
        windowStart,
      },
    })
    .returning({ count: requestCounts.count });
  if (row && row.count > limit.max) return retryAfter(windowStart + limit.windowMs, nowMs);
  return { allowed: true };
}
