/**
 * Conventions for Workers RPC between Fafnir services.
 *
 * Own properties of thrown errors do not cross an RPC boundary (only name and message do),
 * so expected failures (bad input, not found, conflict) are returned as values; a throw
 * means the service itself failed and callers treat it as SERVICE_UNAVAILABLE.
 */
import type { FieldError } from "./errors";
import { withTimeout } from "./timeout";

/** Passed as the first argument of every RPC method so one request id follows every hop. */
export interface CallMeta {
  requestId: string;
}

export type ServiceFailureCode = "BAD_USER_INPUT" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "UNAUTHENTICATED";

export interface ServiceFailure {
  code: ServiceFailureCode;
  message: string;
  details?: FieldError[];
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: ServiceFailure };

export const success = <T>(value: T): RpcResult<T> => ({ ok: true, value });

export const failure = <T = never>(
  code: ServiceFailureCode,
  message: string,
  details?: FieldError[],
): RpcResult<T> => ({ ok: false, error: details ? { code, message, details } : { code, message } });

/** What every service's `health()` answers. */
export interface HealthReport {
  service: string;
  ok: boolean;
  /** Each dependency the service checked (its database, cache, ...). */
  checks: Record<string, ProbeResult>;
}

export interface ProbeResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** Times one dependency check; a throw or a timeout is a failed check, never an exception. */
export async function probe(check: () => Promise<unknown>, timeoutMs = 2_000): Promise<ProbeResult> {
  const started = performance.now();
  try {
    await withTimeout(check(), timeoutMs);
    return { ok: true, latencyMs: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, latencyMs: performance.now() - started, error: message };
  }
}

type Unlisted<Rpc, Listed extends readonly PropertyKey[]> = Exclude<keyof Rpc, Listed[number]>;

/**
 * A service's method list, checked against its RPC interface both ways: a name that is no
 * method of `Rpc` and a method left out (reported as `{ unlisted: ... }`) fail to compile.
 * Usage: `rpcMethods<SecurityRpc>()(["health", ...])`.
 */
export const rpcMethods =
  <Rpc>() =>
  <const Listed extends readonly (keyof Rpc & string)[]>(
    methods: Listed & ([Unlisted<Rpc, Listed>] extends [never] ? unknown : { unlisted: Unlisted<Rpc, Listed> }),
  ): Listed =>
    methods;
