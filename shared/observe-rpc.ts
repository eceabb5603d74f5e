/**
 * Observation of RPC methods in the callee: every method of an entrypoint class, once
 * wrapped, writes one data point (kind `rpc`, shared/metrics.ts) and one "rpc" log line
 * under the caller's request id, whatever the method does.
 *
 * Code deep inside a call (the stock cache, the provider chain) adds what it learned with
 * `annotate()` / `recordProviderFailure()`; an AsyncLocalStorage carries the invocation to
 * it, so no argument has to be threaded through.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { reportError, type ErrorReportingEnv } from "./error-reporting";
import { createLogger, type LogLevel } from "./logger";
import { createMetrics, type CacheOutcome, type DataPointSink, type Metrics } from "./metrics";
import type { CallMeta } from "./rpc";

interface Annotations {
  cache?: CacheOutcome;
  provider?: string;
}

interface Invocation {
  metrics: Metrics;
  annotations: Annotations;
}

interface ObservedEnv extends ErrorReportingEnv {
  METRICS?: DataPointSink;
  LOG_LEVEL?: string;
}

const current = new AsyncLocalStorage<Invocation>();

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

/**
 * Wraps every public method of `entrypoint` (its own prototype's, not `fetch`: HTTP is
 * observed by the Worker's app) in place. Call once at module scope.
 */
export function observeRpc(service: string, entrypoint: { prototype: object }): void {
  const prototype = entrypoint.prototype;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (name === "constructor" || name === "fetch" || typeof descriptor?.value !== "function") continue;
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
  const invocation: Invocation = { metrics: createMetrics(instance.env.METRICS, service, waitUntil), annotations: {} };
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
