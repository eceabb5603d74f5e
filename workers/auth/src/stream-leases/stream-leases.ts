/**
 * A user's stream leases (`STREAM_LEASES.getByName(userId)`): a SQLite-backed Durable
 * Object, thin over leases.ts. One object per user sees every open, renewal and
 * revocation of that user in order, so the cap holds across gateway isolates and a
 * revocation is seen by the next renewal (unlike the KV revocation marks, up to 60 s late).
 */
import { DurableObject } from "cloudflare:workers";
import { closeLease, createLeaseTables, openLease, renewLease, revokeSessions, type OpenOutcome, type RevokedSessions } from "./leases";

export class StreamLeases extends DurableObject<AuthEnv> {
  constructor(ctx: DurableObjectState, env: AuthEnv) {
    super(ctx, env);
    // Synchronous SQL: nothing can run before it ends, so no blockConcurrencyWhile.
    createLeaseTables(this.ctx.storage.sql);
  }

  open(sessionId: string): OpenOutcome {
    return openLease(this.ctx.storage.sql, sessionId, Date.now());
  }

  renew(leaseId: string): boolean {
    return renewLease(this.ctx.storage.sql, leaseId, Date.now());
  }

  close(leaseId: string): void {
    closeLease(this.ctx.storage.sql, leaseId);
  }

  revokeSessions(revoked: RevokedSessions): void {
    revokeSessions(this.ctx.storage.sql, revoked, Date.now());
  }
}

/** The user's StreamLeases object. */
export const streamLeasesOf = (env: AuthEnv, userId: string): DurableObjectStub<StreamLeases> => env.STREAM_LEASES.getByName(userId);
