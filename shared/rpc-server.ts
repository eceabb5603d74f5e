/**
 * The server side of Workers RPC between Fafnir services, one kit for every service: the
 * entrypoint base, the observation of every method, and the call's logger.
 *
 * Every method of an entrypoint class, once wrapped by `observeRpc`, writes one data point
 * (kind `rpc`, shared/metrics.ts) and one "rpc served" log line under the caller's request
 * id, whatever the method does, and reports a throw. An AsyncLocalStorage carries the
 * invocation to the code inside the call, so no argument has to be threaded through:
 * `callLogger()` is the call's logger (service, request id, LOG_LEVEL), and code deep
 * inside a call (the stock cache, the provider chain) adds what it learned with
 * `annotate()` / `recordProviderFailure()`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { WorkerEntrypoint } from "cloudflare:workers";
import { reportError, type ErrorReportingEnv } from "./error-reporting";
import { createLogger, type Logger, type LogLevel } from "./logger";
import { createMetrics, type CacheOutcome, type DataPointSink, type Metrics } from "./metrics";
import { probe, type CallMeta, type HealthReport } from "./rpc";

/**
 * The base of every internal Worker's RPC entrypoint: the one door into the service.
 *
 * Every method on the prototype of a subclass is callable over RPC whatever its TypeScript
 * visibility, so subclasses keep helpers in `#private` members or module functions.
 */
export abstract class InternalEntrypoint<Env> extends WorkerEntrypoint<Env> {
  /** Internal Workers have no HTTP surface. */
  override fetch(): Response {
    return new Response(null, { status: 404 });
  }
}

interface Annotations {
  cache?: CacheOutcome;
  provider?: string;
}

interface Invocation {
  metrics: Metrics;
  annotations: Annotations;
  log: Logger;
}

interface ObservedEnv extends ErrorReportingEnv {
  METRICS?: DataPointSink;
  LOG_LEVEL?: string;
}

const current = new AsyncLocalStorage<Invocation>();

/** The logger of the current RPC call: its lines carry the service and the caller's request id. */
export function callLogger(): Logger {
  const invocation = current.getStore();
  if (!invocation) throw new Error("callLogger() is called outside an RPC method (see observeRpc)");
  return invocation.log;
}

/**
 * A service's `health()`: its configuration parses, its D1 database answers, and any check
 * of its own (`more`); ok only when every check is. Logged with the call's logger.
 */
export async function serviceHealth(
  service: string,
  config: () => unknown,
  database: D1Database,
  more: Record<string, () => Promise<unknown>> = {},
): Promise<HealthReport> {
  const checks: Record<string, () => Promise<unknown>> = {
    config: async () => config(),
    database: () => database.prepare("SELECT 1").first(),
    ...more,
  };
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => probe(checks[name]!)));
  const report: HealthReport = {
    service,
    ok: results.every((r) => r.ok),
    checks: Object.fromEntries(names.map((name, i) => [name, results[i]!])),
  };
  callLogger().info("health", { ok: report.ok, checks: report.checks });
  return report;
}

const CACHE_RANK: Record<CacheOutcome, number> = { "": 0, hit: 1, miss: 2, stale: 3 };

/** What the current call learned; a cache outcome only ever gets worse (hit < miss < stale). */
export function annotate(annotations: Annotations): void {
  const invocation = current.getStore();
  if (!invocation) return;
  const { cache, provider } = annotations;
  if (cache && CACHE_RANK[cache] > CACHE_RANK[invocation.annotations.cache ?? ""]) invocation.annotations.cache = cache;
  if (provider) invocation.annotations.provider = provider;
}

/** One data point (kind `provider`) per failed provider call of the current RPC call. */
export function recordProviderFailure(provider: string, operation: string, durationMs: number): void {
  current.getStore()?.metrics.record({ kind: "provider", operation, outcome: "PROVIDER_FAILED", provider, durationMs });
}

const LEVELS = new Set<string>(["debug", "info", "warn", "error"]);

/** `ok`, the code of an expected failure (RpcResult), or INTERNAL for a throw. */
function outcomeOf(result: unknown): string {
  if (result && typeof result === "object" && "ok" in result && result.ok === false && "error" in result) {
    const error = result.error as { code?: unknown };
    if (typeof error.code === "string") return error.code;
  }
  return "ok";
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** The methods `entrypoint` serves over RPC: its own prototype's, not `fetch` (HTTP is observed by the Worker's app). */
export function rpcMethodNames(entrypoint: { prototype: object }): string[] {
  const prototype = entrypoint.prototype;
  return Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== "constructor" && name !== "fetch" && typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === "function",
  );
}

/** Wraps every RPC method of `entrypoint` (`rpcMethodNames`) in place. Call once at module scope. */
export function observeRpc(service: string, entrypoint: { prototype: object }): void {
  const prototype = entrypoint.prototype;
  for (const name of rpcMethodNames(entrypoint)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    const method = descriptor.value as Method;
    Object.defineProperty(prototype, name, {
      ...descriptor,
      value: function observed(this: Instance, ...args: unknown[]) {
        return invoke(service, name, method, this, args);
      },
    });
  }
}

interface Instance {
  env: ObservedEnv;
  ctx: { waitUntil(work: Promise<unknown>): void };
}

async function invoke(service: string, name: string, method: Method, instance: Instance, args: unknown[]): Promise<unknown> {
  const started = performance.now();
  const meta = args[0] as Partial<CallMeta> | undefined;
  const level = LEVELS.has(instance.env.LOG_LEVEL ?? "") ? (instance.env.LOG_LEVEL as LogLevel) : "info";
  const requestId = typeof meta?.requestId === "string" ? meta.requestId : undefined;
  const log = createLogger({ service, requestId, level });
  const waitUntil = (work: Promise<unknown>) => instance.ctx.waitUntil(work);
  const invocation: Invocation = { metrics: createMetrics(instance.env.METRICS, service, waitUntil), annotations: {}, log };
  let outcome = "INTERNAL";
  try {
    const result = await current.run(invocation, () => method.apply(instance, args));
    outcome = outcomeOf(result);
    return result;
  } catch (error) {
    log.error("rpc failed", { operation: name, error });
    reportError(instance.env, error, { service, requestId, operation: name, waitUntil });
    throw error;
  } finally {
    const durationMs = performance.now() - started;
    invocation.metrics.record({ kind: "rpc", operation: name, outcome, durationMs, ...invocation.annotations });
    log.info("rpc served", { operation: name, outcome, durationMs, ...invocation.annotations });
  }
}
