/**
 * Every call from the gateway to an internal service goes through here: a timeout, and a
 * failure (throw or timeout) becomes SERVICE_UNAVAILABLE on the fields that needed it,
 * never a failed request. Expected failures (RpcResult) become their contract codes.
 */
import type { CallMeta, RpcResult } from "../../../../shared/rpc";
import { withTimeout } from "../../../../shared/timeout";
import type { GatewayContext } from "./context";
import { fromServiceFailure, serviceUnavailable } from "./errors";

export type ServiceName = "auth" | "security" | "user" | "stock";

/** The first argument of every RPC: the request id follows the call into the service's logs. */
export const callMeta = (ctx: GatewayContext): CallMeta => ({ requestId: ctx.requestId });

/** Each call is one log line ("rpc"), so a request's fan-out can be read (and counted) per request id. */
// RPC stubs type a union result as a union of promises, hence `P` and Awaited<P>.
export async function callService<P extends PromiseLike<unknown>>(
  ctx: GatewayContext,
  service: ServiceName,
  method: string,
  invoke: () => P,
): Promise<Awaited<P>> {
  const started = performance.now();
  const operation = `${service}.${method}`;
  try {
    const answer = await withTimeout(Promise.resolve(invoke()), ctx.config.RPC_TIMEOUT_MS);
    const durationMs = performance.now() - started;
    ctx.metrics.record({ kind: "call", operation, outcome: "ok", durationMs });
    ctx.log.info("rpc", { service, method, outcome: "ok", durationMs });
    return answer;
  } catch (error) {
    const durationMs = performance.now() - started;
    ctx.metrics.record({ kind: "call", operation, outcome: "SERVICE_UNAVAILABLE", durationMs });
    ctx.log.error("rpc", { service, method, outcome: "failed", error, durationMs });
    throw serviceUnavailable(service);
  }
}

/** The value of an expected-failure result, or the failure as a GraphQL error. */
export function unwrap<T>(result: RpcResult<T>): T {
  if (!result.ok) throw fromServiceFailure(result.error);
  return result.value;
}
