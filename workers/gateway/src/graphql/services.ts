/**
 * Every call from the gateway to an internal service goes through here, over the RPC kit
 * (shared/rpc-client.ts: timeout, data point, log line): a failure (throw or timeout)
 * becomes SERVICE_UNAVAILABLE on the fields that needed it, never a failed request.
 * Expected failures (RpcResult) become their contract codes.
 */
import type { CallMeta, RpcResult } from "../../../../shared/rpc";
import { callRpc } from "../../../../shared/rpc-client";
import type { GatewayContext } from "./context";
import { fromServiceFailure, serviceUnavailable } from "./errors";

export type ServiceName = "auth" | "security" | "user" | "stock" | "trading";

/** The first argument of every RPC: the request id follows the call into the service's logs. */
export const callMeta = (ctx: GatewayContext): CallMeta => ({ requestId: ctx.requestId });

/** callRpc (shared/rpc-client.ts) with the gateway's timeout; a failed call is SERVICE_UNAVAILABLE on its fields. */
// RPC stubs type a union result as a union of promises, hence `P` and Awaited<P>.
export async function callService<P extends PromiseLike<unknown>>(
  ctx: GatewayContext,
  service: ServiceName,
  method: string,
  invoke: () => P,
): Promise<Awaited<P>> {
  try {
    return await callRpc({ metrics: ctx.metrics, log: ctx.log, timeoutMs: ctx.config.RPC_TIMEOUT_MS }, service, method, invoke);
  } catch {
    // callRpc throws nothing but ServiceUnavailable.
    throw serviceUnavailable(service);
  }
}

/**
 * The value of an expected-failure result, or the failure as a GraphQL error. `argument`
 * names, for a field the service refused, the argument it came in (a service's `quantity`
 * is placeOrder's `input.quantity`).
 */
export function unwrap<T>(result: RpcResult<T>, argument?: (field: string) => string): T {
  if (!result.ok) throw fromServiceFailure(result.error, argument);
  return result.value;
}
