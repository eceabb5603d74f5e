/**
 * A user's stream leases (`STREAM_LEASES.getByName(userId)`): a SQLite-backed Durable
 * Object, thin over leases.ts. One object per user sees every open, close and revocation of
 * that user in order, so the cap holds across gateway isolates, and a revocation ends the
 * leases' streams at once (unlike the KV revocation marks, up to 60 s late).
 */
import { DurableObject } from "cloudflare:workers";
import { STREAM_LEASE_CHECK_SECONDS } from "../contract";
import { createRevocationTable, Leases, type OpenOutcome, type RevokedSessions } from "./leases";

export class StreamLeases extends DurableObject<AuthEnv> {
  readonly #leases: Leases;

  constructor(ctx: DurableObjectState, env: AuthEnv) {
    super(ctx, env);
    // Synchronous SQL: nothing can run before it ends, so no blockConcurrencyWhile.
    createRevocationTable(this.ctx.storage.sql);
    this.#leases = new Leases(this.ctx.storage.sql);
  }

  async open(sessionId: string): Promise<OpenOutcome> {
    const outcome = this.#leases.open(sessionId, Date.now());
    if (outcome.kind === "opened" && (await this.ctx.storage.getAlarm()) === null) await this.#armCheck();
    return outcome;
  }

  close(leaseId: string): void {
    this.#leases.close(leaseId);
  }

  revokeSessions(revoked: RevokedSessions): void {
    this.#leases.revoke(revoked, Date.now());
  }

  /** While leases are open: a lease whose gateway died unnoticed is freed within STREAM_LEASE_CHECK_SECONDS. */
  override async alarm(): Promise<void> {
    if (this.#leases.ping() > 0) await this.#armCheck();
  }

  #armCheck(): Promise<void> {
    return this.ctx.storage.setAlarm(Date.now() + STREAM_LEASE_CHECK_SECONDS * 1000);
  }
}

/** The user's StreamLeases object. */
export const streamLeasesOf = (env: AuthEnv, userId: string): DurableObjectStub<StreamLeases> => env.STREAM_LEASES.getByName(userId);
