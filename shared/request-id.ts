/** The header that carries one request's id from the edge through every hop and back. */
export const REQUEST_ID_HEADER = "x-request-id";

// Ids from clients are echoed into logs and headers: accept only short, plain tokens.
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The client's request id when it is well-formed, else a fresh one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && ACCEPTED_REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
