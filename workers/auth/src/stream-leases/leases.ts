/**
 * The decisions of a user's stream leases (live-data.md: at most MAX_STREAMS_PER_USER open
 * streams, and a stream ends within 5 s of its session's revocation).
 *
 * A lease is an open byte stream to the gateway (its `ended`), held in memory: it lives no
 * longer than the object, so an object that restarts holds no lease it cannot end, and its
 * gateways see their lease streams fail and end their live streams. Nothing polls: a
 * revocation closes the leases' streams at once. Revocations are kept in the object's
 * SQLite, so a revoked session opens no lease while its access token may still live.
 * Every function takes the time, so tests drive it by hand.
 */
import { liveStream, type LiveStreamWriter } from "../../../../shared/live-stream";
import { MAX_STREAMS_PER_USER } from "../contract";
import { ACCESS_TOKEN_TTL_SECONDS } from "../limits";

/**
 * How long a revocation is remembered: an access token lives this long at most, and the
 * gateway opens streams for valid access tokens only.
 */
export const REVOCATION_MEMORY_MS = ACCESS_TOKEN_TTL_SECONDS * 1000;
/** The revocation row that stands for every session of the user (session ids are UUIDs). */
const EVERY_SESSION = "*";

/** Which sessions a revocation ends: the listed ones, or every one of the user (account deletion). */
export type RevokedSessions = string[] | "all";

export type OpenOutcome =
  | { kind: "opened"; leaseId: string; ended: ReadableStream<Uint8Array> }
  /** The user already holds MAX_STREAMS_PER_USER leases. */
  | { kind: "full" }
  /** The session was revoked: it may stream no more. */
  | { kind: "revoked" };

export function createRevocationTable(sql: SqlStorage): void {
  sql.exec("CREATE TABLE IF NOT EXISTS revoked_sessions (session_id TEXT PRIMARY KEY, until INTEGER NOT NULL)");
  // Leases were rows renewed every 2 s before they became streams; the rows mean nothing now.
  sql.exec("DROP TABLE IF EXISTS leases");
}

interface Lease {
  sessionId: string;
  writer: LiveStreamWriter<"ping">;
}

/** One user's open leases (the StreamLeases object holds one). */
export class Leases {
  readonly #open = new Map<string, Lease>();
  readonly #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
  }

  get size(): number {
    return this.#open.size;
  }

  open(sessionId: string, nowMs: number, leaseId: string = crypto.randomUUID()): OpenOutcome {
    if (this.#isRevoked(sessionId, nowMs)) return { kind: "revoked" };
    if (this.#open.size >= MAX_STREAMS_PER_USER) return { kind: "full" };
    const writer = liveStream<"ping">();
    this.#open.set(leaseId, { sessionId, writer });
    // The gateway canceled the stream (its live stream ended, or it went away): the slot is free.
    void writer.ended.then(() => this.#open.delete(leaseId));
    return { kind: "opened", leaseId, ended: writer.readable };
  }

  /** Gives a lease back; idempotent. */
  close(leaseId: string): void {
    void this.#open.get(leaseId)?.writer.close();
    this.#open.delete(leaseId);
  }

  /**
   * Writes to every lease's stream, so one whose gateway died unnoticed (no cancel came)
   * fails and frees its slot. Returns how many remain.
   */
  ping(): number {
    for (const [leaseId, lease] of this.#open) if (!lease.writer.write("ping")) this.#open.delete(leaseId);
    return this.#open.size;
  }

  /** Ends the revoked sessions' leases now, and refuses them new ones while their access tokens may live. */
  revoke(revoked: RevokedSessions, nowMs: number): void {
    this.#sql.exec("DELETE FROM revoked_sessions WHERE until <= ?", nowMs);
    const until = nowMs + REVOCATION_MEMORY_MS;
    const sessionIds = revoked === "all" ? [EVERY_SESSION] : revoked;
    for (const sessionId of sessionIds) {
      this.#sql.exec(
        "INSERT INTO revoked_sessions (session_id, until) VALUES (?, ?) ON CONFLICT (session_id) DO UPDATE SET until = excluded.until",
        sessionId,
        until,
      );
    }
    for (const [leaseId, lease] of this.#open) if (revoked === "all" || revoked.includes(lease.sessionId)) this.close(leaseId);
  }

  #isRevoked(sessionId: string, nowMs: number): boolean {
    return this.#sql.exec("SELECT 1 FROM revoked_sessions WHERE session_id IN (?, ?) AND until > ?", sessionId, EVERY_SESSION, nowMs).toArray().length > 0;
  }
}
