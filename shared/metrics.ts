/**
 * Workers Analytics Engine data points: one per HTTP request and per RPC call in every
 * Worker, all in the one dataset `fafnir_metrics` (binding METRICS).
 *
 * THE SCHEMA (the one place it is defined; dashboards and `npm run metrics` query these):
 *
 * | column  | meaning                                                                      |
 * |---------|------------------------------------------------------------------------------|
 * | index1  | service (gateway, auth, security, user, stock): the sampling key             |
 * | blob1   | service                                                                       |
 * | blob2   | kind: `http` (a request a Worker answered), `rpc` (an RPC method a Worker     |
 * |         | served), `call` (an RPC call the gateway made), `provider` (a stock provider  |
 * |         | call that failed), `stream` (a live stream opened or ended, gateway), `feed`   |
 * |         | (a live quote a QuoteFeed wrote to its watchers, stock)                        |
 * | blob3   | operation: `POST /auth/login`, `query me`, an RPC method name, `quotes`, a    |
 * |         | feed's symbol, ...;                                                           |
 * |         | `unmatched` for every request to a path no route serves                      |
 * | blob4   | outcome: `ok`, or the error code (FORBIDDEN, RATE_LIMITED, INTERNAL, ...)     |
 * | blob5   | cache: `hit`, `miss`, `stale` or empty                                       |
 * | blob6   | provider: the quote provider involved, or empty                              |
 * | blob7   | colo: the Cloudflare location (request.cf.colo), empty over RPC             |
 * | double1 | duration in milliseconds                                                     |
 * | double2 | request size in bytes (content-length; 0 when unknown)                       |
 * | double3 | response size in bytes (content-length; 0 when unknown)                      |
 * | double4 | HTTP status (0 for RPC)                                                      |
 * | double5 | count: a `stream`'s events sent (ended) or the isolate's open streams         |
 * |         | (opened); a `feed`'s watchers written to (its fan-out)                       |
 *
 * Writes are never awaited (writeDataPoint returns nothing) and at most
 * MAX_POINTS_PER_INVOCATION go out per invocation: Analytics Engine refuses more.
 */
import type { Logger } from "./logger";

export const METRICS_SCHEMA = {
  index1: "service",
  blob1: "service",
  blob2: "kind",
  blob3: "operation",
  blob4: "outcome",
  blob5: "cache",
  blob6: "provider",
  blob7: "colo",
  double1: "duration_ms",
  double2: "request_bytes",
  double3: "response_bytes",
  double4: "status",
  double5: "count",
} as const;

/** Columns every Analytics Engine dataset has besides the schema's. */
export const METRICS_SYSTEM_COLUMNS = ["timestamp", "dataset", "_sample_interval"] as const;

/** Analytics Engine accepts 250 writeDataPoint calls per invocation. */
export const MAX_POINTS_PER_INVOCATION = 250;

export type MetricKind = "http" | "rpc" | "call" | "provider" | "stream" | "feed";
export type CacheOutcome = "hit" | "miss" | "stale" | "";

export interface MetricPoint {
  kind: MetricKind;
  operation: string;
  outcome: string;
  cache?: CacheOutcome;
  provider?: string;
  colo?: string;
  durationMs: number;
  requestBytes?: number;
  responseBytes?: number;
  status?: number;
  /** How many of the operation's things it counted: a live stream's events, a feed's subscribers. */
  count?: number;
}

/** One Analytics Engine data point, as METRICS_SCHEMA lays it out. */
export interface DataPoint {
  indexes: [string];
  blobs: string[];
  doubles: number[];
}

/** The narrow view of the METRICS binding this module needs (tests may bind a recorder). */
export interface DataPointSink {
  writeDataPoint(point: DataPoint): unknown;
}

/** The invocation's ctx.waitUntil. */
export type WaitUntil = (work: Promise<unknown>) => void;

export interface Metrics {
  record(point: MetricPoint): void;
}

/** The data point of one metric, laid out as METRICS_SCHEMA says. */
export function toDataPoint(service: string, point: MetricPoint): DataPoint {
  return {
    indexes: [service],
    blobs: [service, point.kind, point.operation, point.outcome, point.cache ?? "", point.provider ?? "", point.colo ?? ""],
    doubles: [point.durationMs, point.requestBytes ?? 0, point.responseBytes ?? 0, point.status ?? 0, point.count ?? 0],
  };
}

/**
 * One invocation's metrics (create one per request or RPC call). A missing binding or a
 * failing write never fails the request: metrics are best effort.
 */
export function createMetrics(dataset: DataPointSink | undefined, service: string, waitUntil?: WaitUntil): Metrics {
  let written = 0;
  return {
    record(point) {
      if (!dataset || written >= MAX_POINTS_PER_INVOCATION) return;
      written++;
      try {
        const sent = dataset.writeDataPoint(toDataPoint(service, point));
        // A real dataset returns nothing. A Worker bound in its place (the test recorder) is
        // an RPC call, which the runtime cancels when the invocation ends unless it is kept.
        if (isThenable(sent)) waitUntil?.(Promise.resolve(sent).catch(() => undefined));
      } catch (error) {
        console.warn(JSON.stringify({ level: "warn", message: "metrics write failed", service, error: String(error) }));
      }
    },
  };
}

/**
 * One answered HTTP request, observed: its data point (kind `http`) and its "request" log
 * line, from the same figures.
 */
export function observeHttpRequest(
  metrics: Metrics,
  log: Logger,
  exchange: { request: Request; response: Response; operation: string; outcome: string; durationMs: number },
): void {
  const { request, response, operation, outcome, durationMs } = exchange;
  metrics.record({
    kind: "http",
    operation,
    outcome,
    colo: coloOf(request),
    durationMs,
    requestBytes: contentLength(request.headers),
    responseBytes: contentLength(response.headers),
    status: response.status,
  });
  const path = new URL(request.url).pathname;
  log.info("request", { method: request.method, path, operation, outcome, status: response.status, durationMs });
}

/** The operation of every request to a path no route serves: one value, so a path scanner cannot flood the metrics. */
export const UNMATCHED_OPERATION = "unmatched";

/** `METHOD /path` for one of the Worker's `routes`, else UNMATCHED_OPERATION. */
export function httpOperation(method: string, path: string, routes: readonly string[]): string {
  return routes.includes(path) ? `${method} ${path}` : UNMATCHED_OPERATION;
}

/**
 * `ok`, or the contract error code of an error response (`{"error":{"code"}}`), else
 * RATE_LIMITED for a bare 429 (the platform's own limiter), else `HTTP_<status>`.
 */
export async function responseOutcome(response: Response): Promise<string> {
  if (response.status < 400) return "ok";
  const fallback = response.status === 429 ? "RATE_LIMITED" : `HTTP_${response.status}`;
  try {
    const body: { error?: { code?: unknown } } = await response.clone().json();
    return typeof body.error?.code === "string" ? body.error.code : fallback;
  } catch {
    return fallback;
  }
}

/** The size a content-length header announces, 0 when absent. */
function contentLength(headers: Headers): number {
  const value = Number(headers.get("content-length"));
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** The Cloudflare location of a request (absent locally and over RPC). */
function coloOf(request: Request): string {
  const cf = (request as { cf?: { colo?: unknown } }).cf;
  return typeof cf?.colo === "string" ? cf.colo : "";
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}
