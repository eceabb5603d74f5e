import { REQUEST_ID_HEADER } from "../../../shared/request-id";

/**
 * Hands a request to the auth Worker over its service binding, untouched but for the
 * request id: method, headers (cookies, CSRF token), body and every Set-Cookie of the
 * answer pass through as they are.
 */
export async function forwardToAuth(auth: Fetcher, request: Request, requestId: string): Promise<Response> {
  const forwarded = new Request(request);
  forwarded.headers.set(REQUEST_ID_HEADER, requestId);
  const answer = await auth.fetch(forwarded);
  // A binding's response has immutable headers; the gateway still stamps its own.
  return new Response(answer.body, answer);
}
