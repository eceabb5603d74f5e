/**
 * The client side of Workers RPC between Fafnir services: every call one Worker makes to
 * another goes through `callRpc`. It bounds the call by a timeout, writes one data point
 * (kind `call`, operation `service.method`) and one "rpc" log line, and turns a throw or a
 * timeout into one ServiceUnavailable, which each caller maps to its own error shape.
 * Expected failures (RpcResult values, shared/rpc.ts) pass through untouched.
 */
import * as v from "valibot";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { withTimeout } from "./timeout";

/**
 * The config piece of every Worker that calls another: how long one call may take. Here,
 * not in config.ts, so Workers that call no one do not bundle it.
 */
export const RpcTimeoutConfig = {
  RPC_TIMEOUT_MS: v.optional(
    v.pipe(v.string(), v.transform(Number), v.integer("must be a whole number of milliseconds"), v.minValue(50), v.maxValue(30_000)),
    "3000",
  ),
};

/** The service failed (threw) or did not answer within the caller's timeout. */
export class ServiceUnavailable extends Error {
  override name = "ServiceUnavailable";

  constructor(
    readonly service: string,
    readonly method: string,
    options?: ErrorOptions,
  ) {
    super(`${service}.${method} failed or did not answer in time`, options);
  }
}

/** What one invocation (a request, an RPC call) calls other services with. */
export interface RpcCaller {
  metrics: Metrics;
  log: Logger;
  timeoutMs: number;
}

/** The metric outcome of a failed call: the contract code every caller answers it with. */
const UNAVAILABLE_OUTCOME = "SERVICE_UNAVAILABLE";

/**
 * `invoke()`'s answer, or ServiceUnavailable. One log line ("rpc") per call, so a request's
 * fan-out can be read (and counted) per request id.
 */
// RPC stubs type a union result as a union of promises, hence `P` and Awaited<P>.
export async function callRpc<P extends PromiseLike<unknown>>(
  caller: RpcCaller,
  service: string,
  method: string,
  invoke: () => P,
): Promise<Awaited<P>> {
  const started = performance.now();
  const operation = `${service}.${method}`;
  try {
    const answer = await withTimeout(Promise.resolve(invoke()), caller.timeoutMs);
    const durationMs = performance.now() - started;
    caller.metrics.record({ kind: "call", operation, outcome: "ok", durationMs });
    caller.log.info("rpc", { service, method, outcome: "ok", durationMs });
    return answer;
  } catch (error) {
    const durationMs = performance.now() - started;
    caller.metrics.record({ kind: "call", operation, outcome: UNAVAILABLE_OUTCOME, durationMs });
    caller.log.error("rpc", { service, method, outcome: "failed", error, durationMs });
    throw new ServiceUnavailable(service, method, { cause: error });
  }
}
