/**
 * Where a session revocation must be told, in one call: the KV revocation list (the
 * access-token checks of auth and the gateway; eventually consistent, up to 60 s across
 * locations) and the user's StreamLeases (the gateway's live streams: their lease streams
 * complete at once). Awaited, so a revocation that answered has reached both.
 */
import type { RevokedSessions } from "./stream-leases/leases";
import { streamLeasesOf } from "./stream-leases/stream-leases";
import { revocations } from "./tokens";

/**
 * Publishes the revocation of `sessionIds` (those whose access tokens may still live);
 * `streams: "all"` (account deletion) also ends and refuses every stream of the user,
 * whatever its session.
 */
export async function publishRevocation(env: AuthEnv, userId: string, sessionIds: string[], streams: "listed" | "all" = "listed"): Promise<void> {
  const revoked: RevokedSessions = streams === "all" ? "all" : sessionIds;
  // No listed session, nothing to end: a user who never streamed gets no Durable Object for it.
  const leases = revoked.length === 0 ? undefined : streamLeasesOf(env, userId).revokeSessions(revoked);
  await Promise.all([revocations(env).revoke(sessionIds), leases]);
}
