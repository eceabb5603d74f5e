/** Request and response plumbing of the auth API: JSON bodies, errors, cookies, CSRF. */
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import * as v from "valibot";
import { httpErrorResponse, type FieldError } from "../../../shared/errors";
import { HttpError } from "../../../shared/http/app";
import { requestBodyAtMost, utf8Text } from "../../../shared/http/body";
import type { AuthContext } from "./context";
import { ACCESS_TOKEN_TTL_SECONDS, MAX_BODY_BYTES, REFRESH_TOKEN_TTL_SECONDS } from "./limits";

export const ACCESS_COOKIE = "fafnir_access";
export const REFRESH_COOKIE = "fafnir_refresh";
export const CSRF_COOKIE = "fafnir_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** The contract's error, to throw: the app answers with it (shared/http/app.ts). */
export const fail = (...args: Parameters<typeof httpErrorResponse>) => new HttpError(httpErrorResponse(...args));

export const rateLimited = (retryAfterSeconds: number) =>
  fail("RATE_LIMITED", "Too many attempts. Try again later.", { headers: { "retry-after": String(retryAfterSeconds) } });

/** Too many password hashes in flight in this isolate (src/password/hash-slots.ts). */
export const hashingBusy = () =>
  fail("SERVICE_UNAVAILABLE", "The server is busy. Try again in a moment.", { headers: { "retry-after": "1" } });

/** The one answer to an unknown email and a wrong password alike. */
export const invalidCredentials = () => fail("INVALID_CREDENTIALS", "The email or password is incorrect.");

const notJson = () => fail("BAD_REQUEST", "The request body is not valid JSON.");

const hasBody = (request: Request) =>
  request.body !== null && (request.headers.get("content-length") ?? "") !== "0";

/**
 * The request's JSON body checked against `schema`. With `optional`, a request without a
 * body reads as `{}` (refresh and logout by cookie).
 */
export async function jsonBody<S extends v.GenericSchema>(c: AuthContext, schema: S, optional = false): Promise<v.InferOutput<S>> {
  const request = c.req.raw;
  let input: unknown = {};
  if (hasBody(request) || !optional) {
    if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
      throw fail("UNSUPPORTED_MEDIA_TYPE", "The request body must be JSON (content-type: application/json).");
    }
    // A body that breaks off mid-stream is the client's doing: BAD_REQUEST, not an error to report.
    const bytes = await requestBodyAtMost(request, MAX_BODY_BYTES).catch(() => {
      throw notJson();
    });
    if (!bytes) throw fail("PAYLOAD_TOO_LARGE", `The request body must be at most ${MAX_BODY_BYTES} bytes.`);
    const text = utf8Text(bytes);
    if (text === undefined) throw notJson();
    try {
      input = text === "" && optional ? {} : JSON.parse(text);
    } catch {
      throw notJson();
    }
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw fail("BAD_REQUEST", "The request body must be a JSON object.");
  }
  const result = v.safeParse(schema, input);
  if (!result.success) throw fail("BAD_REQUEST", "Some fields are invalid.", { details: fieldErrors(result.issues) });
  return result.output;
}

function fieldErrors(issues: v.BaseIssue<unknown>[]): FieldError[] {
  const seen = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path?.map((p) => String(p.key)).join(".") ?? "body";
    if (!seen.has(field)) seen.set(field, issue.message);
  }
  return [...seen].map(([field, message]) => ({ field, message }));
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/** The three cookies of a browser session; each Max-Age is its token's lifetime. */
export function setSessionCookies(c: AuthContext, tokens: SessionTokens, csrfToken: string): void {
  const base = { httpOnly: true, secure: true } as const;
  setCookie(c, ACCESS_COOKIE, tokens.accessToken, { ...base, sameSite: "Lax", path: "/", maxAge: ACCESS_TOKEN_TTL_SECONDS });
  setCookie(c, REFRESH_COOKIE, tokens.refreshToken, { ...base, sameSite: "Strict", path: "/auth", maxAge: REFRESH_TOKEN_TTL_SECONDS });
  setCookie(c, CSRF_COOKIE, csrfToken, { secure: true, sameSite: "Lax", path: "/", maxAge: REFRESH_TOKEN_TTL_SECONDS });
}

export function clearSessionCookies(c: AuthContext): void {
  deleteCookie(c, ACCESS_COOKIE, { httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  deleteCookie(c, REFRESH_COOKIE, { httpOnly: true, secure: true, sameSite: "Strict", path: "/auth" });
  deleteCookie(c, CSRF_COOKIE, { secure: true, sameSite: "Lax", path: "/" });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cookie-authenticated request that changes state must echo the CSRF cookie in the
 * X-CSRF-Token header (double submit: another site can send the cookies, not read them).
 */
export function requireCsrf(c: AuthContext): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const cookie = getCookie(c, CSRF_COOKIE);
  const header = c.req.header(CSRF_HEADER);
  if (!cookie || !header || cookie !== header) {
    throw fail("CSRF_FAILED", "This request needs the X-CSRF-Token header that matches the fafnir_csrf cookie.");
  }
}

/** The access token of a request: a bearer token, or else the cookie (CSRF checked). */
export function presentedAccessToken(c: AuthContext): string | undefined {
  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const match = /^Bearer +(\S+)$/i.exec(authorization);
    return match?.[1] ?? "";
  }
  const cookie = getCookie(c, ACCESS_COOKIE);
  if (cookie === undefined) return undefined;
  requireCsrf(c);
  return cookie;
}
