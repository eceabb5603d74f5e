/**
 * The life of one live stream (a subscription, live-data.md), whatever it carries:
 *
 * - Opening: the isolate's cap (MAX_STREAMS_PER_ISOLATE), then a lease from the user's
 *   StreamLeases in auth (at most MAX_STREAMS_PER_USER), then the source stream from the
 *   service that owns the data (stock's QuoteFeed objects, the trading account's object).
 *   A refusal is a GraphQL error, which yoga sends as one `next` then `complete`.
 * - While open: the lease's own stream from StreamLeases ends when the session is revoked,
 *   and the live stream completes with it, at once (nothing polls); every
 *   PERMISSION_CHECK_SECONDS the permission is asked for again (a revoked role ends the
 *   stream); at the token's `exp` it completes. A `:` heartbeat goes out every 2 s
 *   (heartbeat.ts).
 * - Ending, for whichever reason (the client left, the source ended or failed, revoked,
 *   expired): the lease is given back, the source canceled, and one data point says how
 *   long it lasted, how many events it sent and why it ended.
 *
 * A redeploy or eviction of the gateway drops its connections: clients reconnect (the web
 * app with back-off) and the leases they held are freed within STREAM_LEASE_CHECK_SECONDS.
 */
import { MAX_STREAMS_PER_USER, STREAM_LEASE_CHECK_SECONDS } from "../../../../auth/src/contract";
import type { RpcResult } from "../../../../../shared/rpc";
import { readLiveStream } from "../../../../../shared/live-stream";
import type { GatewayContext } from "../context";
import { graphQLError } from "../errors";
import type { Permission } from "../field-permissions";
import { requirePermission, viewerId } from "../permissions";
import { callMeta, callService, unwrap, type ServiceName } from "../services";

/** A revoked role ends a stream within this. */
const PERMISSION_CHECK_SECONDS = 10;
/** How soon a refused stream may try again when the isolate is full. */
const ISOLATE_FULL_RETRY_SECONDS = 2;

export type StreamEnd = "client" | "source-ended" | "source-failed" | "revoked" | "expired" | "forbidden" | "lease-lost";

/** Streams open in this isolate (the per-isolate cap counts them). */
let openInIsolate = 0;
export const streamsOpenInIsolate = () => openInIsolate;

const rateLimited = (message: string, retryAfter: number) => graphQLError("RATE_LIMITED", message, { retryAfter });

export interface LiveSource {
  /** The subscription field, for logs and metrics: "quotes", "orderUpdates". */
  operation: string;
  permission: Permission;
  service: ServiceName;
  method: string;
  open(): Promise<RpcResult<ReadableStream<Uint8Array>>>;
}

/** Opens a live stream of `source` for the caller, or throws the contract's error. */
export async function openLiveStream<T>(ctx: GatewayContext, source: LiveSource): Promise<AsyncIterableIterator<T>> {
  const userId = viewerId(ctx);
  if (openInIsolate >= ctx.config.MAX_STREAMS_PER_ISOLATE) {
    ctx.log.warn("stream refused: isolate full", { operation: source.operation, open: openInIsolate });
    throw rateLimited("This server holds as many live streams as it can: try again in a few seconds.", ISOLATE_FULL_RETRY_SECONDS);
  }
  openInIsolate++;
  try {
    return await leaseAndOpen<T>(ctx, source, userId);
  } catch (error) {
    openInIsolate--;
    throw error;
  }
}

async function leaseAndOpen<T>(ctx: GatewayContext, source: LiveSource, userId: string): Promise<AsyncIterableIterator<T>> {
  const { sessionId } = ctx.viewer!;
  const lease = unwrap(await callService(ctx, "auth", "openStream", () => ctx.env.AUTH.openStream(callMeta(ctx), userId, sessionId)));
  if (!lease) {
    throw rateLimited(`At most ${MAX_STREAMS_PER_USER} live streams per user are open at once: close one first.`, STREAM_LEASE_CHECK_SECONDS);
  }
  const closeLease = () => callService(ctx, "auth", "closeStream", () => ctx.env.AUTH.closeStream(callMeta(ctx), userId, lease.leaseId)).catch(() => undefined);
  try {
    const stream = unwrap(await callService(ctx, source.service, source.method, () => source.open()));
    return follow<T>(ctx, source, stream, { userId, leaseId: lease.leaseId, ended: lease.ended, closeLease });
  } catch (error) {
    await Promise.all([closeLease(), lease.ended.cancel().catch(() => undefined)]);
    throw error;
  }
}

interface Lease {
  userId: string;
  leaseId: string;
  ended: ReadableStream<Uint8Array>;
  closeLease(): Promise<unknown>;
}

/**
 * The source's values until the stream ends. Not an async generator: a generator's
 * return() would wait for the pending read, while the client that left must free its
 * lease at once.
 */
function follow<T>(ctx: GatewayContext, source: LiveSource, stream: ReadableStream<Uint8Array>, lease: Lease): AsyncIterableIterator<T> {
  const startedAt = Date.now();
  const stop = new AbortController();
  const values = readLiveStream<T>(stream, stop.signal);
  let events = 0;
  let ended: StreamEnd | undefined;
  const log = ctx.log.with({ operation: source.operation, leaseId: lease.leaseId });

  const end = (reason: StreamEnd) => {
    if (ended) return;
    ended = reason;
    clearInterval(checks);
    clearTimeout(expiry);
    stop.abort();
    openInIsolate--;
    // The client may have left: its request's I/O would be canceled with it.
    ctx.waitUntil(lease.closeLease());
    const durationMs = Date.now() - startedAt;
    ctx.metrics.record({ kind: "stream", operation: source.operation, outcome: reason, durationMs, count: events });
    log.info("stream ended", { reason, durationMs, events, openInIsolate });
  };

  const checks = watchLease(ctx, source.permission, lease, stop.signal, end);
  const expiry = setTimeout(() => end("expired"), Math.max(0, ctx.viewer!.expiresAt * 1000 - Date.now()));
  ctx.metrics.record({ kind: "stream", operation: source.operation, outcome: "opened", durationMs: 0, count: openInIsolate });
  log.info("stream opened", { openInIsolate });

  const done = { done: true, value: undefined } as const;
  return {
    async next() {
      try {
        const next = await values.next();
        if (next.done) {
          end(ended ?? "source-ended");
          return done;
        }
        events++;
        return next;
      } catch (error) {
        // The source's object restarted (a redeploy, an eviction): the client reconnects.
        log.warn("stream source failed", { error: String(error) });
        end("source-failed");
        return done;
      }
    },
    return() {
      end("client");
      return Promise.resolve(done);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Ends the stream when its lease ends (the session revoked: "revoked"; the StreamLeases
 * object restarted: "lease-lost"), and re-checks the permission on a timer. Returns the
 * timer; `stop` ends the watch of the lease.
 */
function watchLease(ctx: GatewayContext, permission: Permission, lease: Lease, stop: AbortSignal, end: (reason: StreamEnd) => void) {
  void (async () => {
    try {
      // Its only values are StreamLeases' liveness pings.
      for await (const _ping of readLiveStream(lease.ended, stop));
      end("revoked");
    } catch {
      end("lease-lost");
    }
  })();
  return setInterval(() => {
    ctx.loaders.access.clear(lease.userId);
    requirePermission(ctx, permission).catch(() => end("forbidden"));
  }, PERMISSION_CHECK_SECONDS * 1000);
}
