/**
 * The decisions of a user's stream leases (live-data.md: at most MAX_STREAMS_PER_USER open
 * streams, and a stream ends within 5 s of its session's revocation), over the Durable
 * Object's synchronous SQLite. Every function takes the time, so tests drive it by hand;
 * each runs without an await, so one call's reads and writes are never interleaved with
 * another's.
 */
import { MAX_STREAMS_PER_USER, STREAM_LEASE_TTL_SECONDS } from "../contract";
import { ACCESS_TOKEN_TTL_SECONDS } from "../limits";

/**
 * How long a revocation is remembered: an access token lives this long at most, and the
 * gateway opens streams for valid access tokens only.
 */
export const REVOCATION_MEMORY_MS = ACCESS_TOKEN_TTL_SECONDS * 1000;
const LEASE_TTL_MS = STREAM_LEASE_TTL_SECONDS * 1000;
/** The revocation row that stands for every session of the user (session ids are UUIDs). */
const EVERY_SESSION = "*";

/** Which sessions a revocation ends: the listed ones, or every one of the user (account deletion). */
export type RevokedSessions = string[] | "all";

export type OpenOutcome =
  | { kind: "opened"; leaseId: string }
  /** The user already holds MAX_STREAMS_PER_USER live leases. */
  | { kind: "full" }
  /** The session was revoked: it may stream no more. */
  | { kind: "revoked" };

export function createLeaseTables(sql: SqlStorage): void {
  sql.exec(`CREATE TABLE IF NOT EXISTS leases (
      lease_id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS leases_by_session ON leases (session_id);
    CREATE TABLE IF NOT EXISTS revoked_sessions (
      session_id TEXT PRIMARY KEY,
      until INTEGER NOT NULL
    )`);
}

/** Lapsed leases free their slots; revocations older than any access token are forgotten. */
function forgetExpired(sql: SqlStorage, nowMs: number): void {
  sql.exec("DELETE FROM leases WHERE expires_at <= ?", nowMs);
  sql.exec("DELETE FROM revoked_sessions WHERE until <= ?", nowMs);
}

function isRevoked(sql: SqlStorage, sessionId: string, nowMs: number): boolean {
  return sql.exec("SELECT 1 FROM revoked_sessions WHERE session_id IN (?, ?) AND until > ?", sessionId, EVERY_SESSION, nowMs).toArray().length > 0;
}

export function openLease(sql: SqlStorage, sessionId: string, nowMs: number, leaseId: string = crypto.randomUUID()): OpenOutcome {
  forgetExpired(sql, nowMs);
  if (isRevoked(sql, sessionId, nowMs)) return { kind: "revoked" };
  const [row] = sql.exec<{ held: number }>("SELECT COUNT(*) AS held FROM leases").toArray();
  if ((row?.held ?? 0) >= MAX_STREAMS_PER_USER) return { kind: "full" };
  sql.exec("INSERT INTO leases (lease_id, session_id, expires_at) VALUES (?, ?, ?)", leaseId, sessionId, nowMs + LEASE_TTL_MS);
  return { kind: "opened", leaseId };
}

/**
 * Extends a live lease by the TTL: false when it is gone (closed, lapsed, or its session
 * revoked). A revocation deletes its sessions' leases and `openLease` refuses a revoked
 * session, so a live lease's session is never revoked.
 */
export function renewLease(sql: SqlStorage, leaseId: string, nowMs: number): boolean {
  forgetExpired(sql, nowMs);
  const renewed = sql.exec("UPDATE leases SET expires_at = ? WHERE lease_id = ? RETURNING lease_id", nowMs + LEASE_TTL_MS, leaseId).toArray();
  return renewed.length > 0;
}

/** Gives a lease back; idempotent. */
export function closeLease(sql: SqlStorage, leaseId: string): void {
  sql.exec("DELETE FROM leases WHERE lease_id = ?", leaseId);
}

/** Ends the revoked sessions' leases now, and refuses them new ones while their access tokens may live. */
export function revokeSessions(sql: SqlStorage, revoked: RevokedSessions, nowMs: number): void {
  forgetExpired(sql, nowMs);
  const until = nowMs + REVOCATION_MEMORY_MS;
  const remember = (sessionId: string) =>
    sql.exec("INSERT INTO revoked_sessions (session_id, until) VALUES (?, ?) ON CONFLICT (session_id) DO UPDATE SET until = excluded.until", sessionId, until);
  if (revoked === "all") {
    remember(EVERY_SESSION);
    sql.exec("DELETE FROM leases");
    return;
  }
  for (const sessionId of revoked) {
    remember(sessionId);
    sql.exec("DELETE FROM leases WHERE session_id = ?", sessionId);
  }
}
