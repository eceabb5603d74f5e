/**
 * Every call auth makes to user, security and trading goes through here, over the RPC kit
 * (shared/rpc-client.ts): RPC_TIMEOUT_MS, a `call` data point, an "rpc" log line, and the
 * request's id as the first argument. A failed or timed-out call throws ServiceUnavailable,
 * which the routes answer with 503 SERVICE_UNAVAILABLE.
 */
import type { CallMeta } from "../../../shared/rpc";
import { callRpc, type RpcCaller } from "../../../shared/rpc-client";
import type { AuthContext } from "./context";

export type ServiceName = "user" | "security" | "trading";

/** One request's calls to user, security and trading. */
export interface ServiceCalls {
  /** The first argument of every RPC: the request id follows the call into the service's logs. */
  meta: CallMeta;
  call<P extends PromiseLike<unknown>>(service: ServiceName, method: string, invoke: () => P): Promise<Awaited<P>>;
}

export function serviceCalls(c: AuthContext): ServiceCalls {
  const caller: RpcCaller = {
    metrics: c.get("metrics"),
    log: c.get("log"),
    timeoutMs: c.get("config").RPC_TIMEOUT_MS,
  };
  return { meta: { requestId: c.get("requestId") }, call: (service, method, invoke) => callRpc(caller, service, method, invoke) };
}
