/**
 * What never leaves a Worker in an error report: applied to every Sentry event and
 * breadcrumb before it is sent, whatever put the secret there.
 *
 * Removed: the request's body and cookies, the Authorization, Cookie, Set-Cookie and
 * X-CSRF-Token headers, any field whose name looks like a secret (password, token, secret,
 * cookie, authorization, csrf, key, session) at any depth, and bearer tokens and JWTs
 * inside any string (messages, exception values, breadcrumbs).
 */
const SECRET_NAME = /pass(word)?|token|secret|cookie|authori[sz]ation|csrf|api[-_]?key|private[-_]?key|jwt|session/i;
const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "x-csrf-token", "proxy-authorization"]);
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
export const REDACTED = "[redacted]";

function scrubString(value: string): string {
  return value.replace(BEARER, `$1 ${REDACTED}`).replace(JWT, REDACTED);
}

/** A deep copy of `value` without secret-named fields or token-shaped strings. */
export function scrub<T>(value: T, depth = 0): T {
  if (typeof value === "string") return scrubString(value) as T;
  if (depth > 12 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item: unknown) => scrub(item, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_NAME.test(key) || SECRET_HEADERS.has(key.toLowerCase()) ? REDACTED : scrub(item, depth + 1);
  }
  return out as T;
}

interface EventRequest {
  data?: unknown;
  cookies?: unknown;
  headers?: Record<string, string>;
}

/** Sentry's `beforeSend`: the event without bodies, cookies, credentials or tokens. */
export function scrubEvent<E extends { request?: EventRequest }>(event: E): E {
  const { request, ...rest } = event;
  const copy = scrub(rest) as E;
  if (request) {
    const { data: _body, cookies: _cookies, headers = {}, ...fields } = request;
    const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !SECRET_HEADERS.has(name.toLowerCase())));
    copy.request = scrub({ ...fields, headers: kept });
  }
  return copy;
}
