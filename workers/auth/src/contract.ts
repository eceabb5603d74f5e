/**
 * The RPC contract of auth's entrypoint (its HTTP API is shared/contract/auth-api.md): what
 * the gateway and tests import of it. Pure (valibot and shared/'s rule modules only), so
 * Node can import it too.
 */
import * as v from "valibot";
import { rpcMethods, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { UserId } from "../../../shared/validation";

export interface Account {
  id: string;
  email: string;
  createdAt: string;
}

/** An account in a listing, with the cursor that resumes the listing after it. */
export type ListedAccount = Account & { cursor: string };

export interface AccountsPage {
  accounts: ListedAccount[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface AuthRpc {
  health(meta: CallMeta): Promise<HealthReport>;
  /** Accounts by id (1..100 ids); unknown ids are absent. */
  accounts(meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Account>>>;
  /** Accounts newest first (createdAt desc, id desc), `first` 1..100, `after` an opaque cursor of a previous page. */
  listAccounts(meta: CallMeta, page: { first: number; after?: string }): Promise<RpcResult<AccountsPage>>;
  /**
   * A lease for one live stream of a session (live-data.md): null when the user already
   * holds MAX_STREAMS_PER_USER leases (the gateway answers RATE_LIMITED); UNAUTHENTICATED
   * when the session was revoked (the gateway's token check can lag the revocation by the
   * KV propagation; the lease cannot). Kept by the user's StreamLeases Durable Object, which
   * the session revocations (logout, password change, account deletion) reach at once.
   * The lease's `ended` stream stays open while the lease holds and completes when its
   * session is revoked, so the gateway ends the live stream then, with nothing to poll.
   */
  openStream(meta: CallMeta, userId: string, sessionId: string): Promise<RpcResult<StreamLease | null>>;
  /** Gives the lease back (the stream ended); idempotent. One never given back is freed within STREAM_LEASE_CHECK_SECONDS. */
  closeStream(meta: CallMeta, userId: string, leaseId: string): Promise<void>;
}

export interface StreamLease {
  leaseId: string;
  /** Carries nothing the gateway reads; its end is the lease's end (revoked, or its object restarted). */
  ended: ReadableStream<Uint8Array>;
}

export const MAX_STREAMS_PER_USER = 5;
/** A lease whose gateway died without giving it back is free again within this. */
export const STREAM_LEASE_CHECK_SECONDS = 10;

export const AUTH_METHODS = /* @__PURE__ */ rpcMethods<AuthRpc>()(["health", "accounts", "listAccounts", "openStream", "closeStream"]);

export const AccountIds = v.pipe(v.array(v.string()), v.minLength(1), v.maxLength(100));
export const AccountsPageRequest = v.object({
  first: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  after: v.optional(v.string()),
});

/** Session and lease ids are UUIDs (crypto.randomUUID). */
const Uuid = v.pipe(v.string("must be a string"), v.uuid("must be a UUID"));
export const OpenStreamRequest = v.object({ userId: UserId, sessionId: Uuid });
export const StreamLeaseRequest = v.object({ userId: UserId, leaseId: Uuid });
