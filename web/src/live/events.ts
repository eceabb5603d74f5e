/**
 * What a GraphQL-over-SSE `next` event carries (live-data.md): `{"data": ...}` or
 * `{"errors": [...]}`, and what the client does about an error.
 */
export interface LiveError {
  message: string;
  extensions?: { code?: unknown };
}

export type LiveResult = { data: object; errors?: undefined } | { data?: undefined; errors: LiveError[] };

/** The event's payload, or undefined when it is not a GraphQL result (nothing to show). */
export function parseNext(text: string): LiveResult | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof payload !== "object" || payload === null) return undefined;
  const { data, errors } = payload as { data?: unknown; errors?: unknown };
  if (Array.isArray(errors) && errors.length > 0) return { errors: errors as LiveError[] };
  return typeof data === "object" && data !== null ? { data } : undefined;
}

/**
 * retry: another connection may succeed (RATE_LIMITED, an outage); refresh: the access
 * token expired, renew the session first; final: the same request will always be refused.
 */
export type ErrorOutcome = "retry" | "refresh" | "final";

// PERSISTED_QUERY_NOT_FOUND: this build's documents are not the gateway's allow-list (a reload fetches the new build).
const FINAL = new Set(["BAD_USER_INPUT", "FORBIDDEN", "PERSISTED_QUERY_NOT_FOUND"]);

export function errorOutcome(errors: readonly LiveError[]): ErrorOutcome {
  const codes = errors.map((error) => error.extensions?.code);
  if (codes.some((code) => typeof code === "string" && FINAL.has(code))) return "final";
  return codes.includes("UNAUTHENTICATED") ? "refresh" : "retry";
}
