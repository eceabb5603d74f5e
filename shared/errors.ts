/**
 * The error codes of the public contract (../shared/contract/errors.md). Every Worker
 * speaks these; nothing else reaches a client.
 */

/** `errors[].extensions.code` values of the GraphQL API. */
export const GraphQLErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  RATE_LIMITED: "RATE_LIMITED",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  // Added by the gateway for HTTP-level refusals (workers/gateway/README.md).
  BAD_REQUEST: "BAD_REQUEST",
  METHOD_NOT_ALLOWED: "METHOD_NOT_ALLOWED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
} as const;
export type GraphQLErrorCode = (typeof GraphQLErrorCode)[keyof typeof GraphQLErrorCode];

/** HTTP status of each `{"error":{"code"}}` code of the auth API. */
export const HttpErrorStatus = {
  BAD_REQUEST: 400,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  SESSION_REVOKED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;
export type HttpErrorCode = keyof typeof HttpErrorStatus;

/** One invalid field of a request, as listed in an error's `details`. */
export interface FieldError {
  field: string;
  message: string;
}

export interface HttpErrorBody {
  error: { code: HttpErrorCode; message: string; details?: FieldError[] };
}

/** The JSON error response of the auth API: contract shape, never a stack or internal name. */
export function httpErrorResponse(
  code: HttpErrorCode,
  message: string,
  init: { details?: FieldError[]; headers?: HeadersInit } = {},
): Response {
  const body: HttpErrorBody = { error: { code, message } };
  if (init.details?.length) body.error.details = init.details;
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status: HttpErrorStatus[code], headers });
}
