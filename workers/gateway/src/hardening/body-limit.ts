/**
 * Request bodies over GRAPHQL_MAX_BODY_BYTES answer 413 PAYLOAD_TOO_LARGE. Content-Length
 * only lets an honest client be refused early: the body is counted as it streams in, so a
 * chunked or lying request stops at the limit too. A body that is not UTF-8 answers 400
 * BAD_REQUEST: decoded leniently, its bad bytes would reach the resolvers as U+FFFD, an
 * argument silently altered (an encoded lone surrogate, ED A0 80, as three of them).
 */
import type { Plugin } from "graphql-yoga";
import { GraphQLErrorCode } from "../../../../shared/errors";
import type { RequestContext } from "../graphql/context";
import { gatewayError } from "./errors";

const tooLarge = (limit: number) =>
  gatewayError(GraphQLErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${limit} bytes.`, { status: 413 });

const notUtf8 = () => gatewayError(GraphQLErrorCode.BAD_REQUEST, "The request body is not valid UTF-8 text.", { status: 400 });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

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

/** The whole body, or PAYLOAD_TOO_LARGE as soon as more than `limit` bytes have arrived. */
export async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > limit) {
      await discard(reader, DRAIN_FACTOR * limit);
      throw tooLarge(limit);
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

export function useBodyLimit(): Plugin<RequestContext, RequestContext> {
  return {
    async onRequestParse({ request, requestParser, setRequestParser, serverContext }) {
      if (!request.body || !requestParser) return;
      const limit = serverContext.config.GRAPHQL_MAX_BODY_BYTES;
      if (Number(request.headers.get("content-length")) > limit) throw tooLarge(limit);
      const body = await readAtMost(request.body, limit);
      if (!isUtf8(body)) throw notUtf8();
      const buffered = new Request(request.url, { method: request.method, headers: request.headers, body });
      setRequestParser(() => requestParser(buffered));
    },
  };
}
