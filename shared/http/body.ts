/**
 * Size-limited request bodies, for every Worker that reads one (auth's JSON, the gateway's
 * GraphQL). Content-Length only lets an honest client be refused early: the body is counted
 * as it streams in, so a chunked or lying request stops at the limit too.
 */

/**
 * A refused body is still read, and dropped, up to this many times the limit: a client
 * still sending it then gets to read the 413, where closing on unread data resets the
 * connection. Past that, the body is cut off.
 */
const DRAIN_FACTOR = 16;

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    budget -= next.value.byteLength;
    if (budget < 0) return reader.cancel();
  }
}

/** The whole body, or undefined as soon as more than `limit` bytes have arrived. */
export async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > limit) {
      await discard(reader, DRAIN_FACTOR * limit);
      return undefined;
    }
    chunks.push(next.value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/** The request's body (empty if it has none), or undefined when it declares or sends more than `limit` bytes. */
export async function requestBodyAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (Number(request.headers.get("content-length")) > limit) return undefined;
  return request.body ? readAtMost(request.body, limit) : new Uint8Array(0);
}

/**
 * The bytes as UTF-8 text, or undefined if they are not UTF-8: decoded leniently, bad bytes
 * would reach the code as U+FFFD, an input silently altered (an encoded lone surrogate,
 * ED A0 80, as three of them).
 */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}
