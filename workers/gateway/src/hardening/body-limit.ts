/**
 * Request bodies over GRAPHQL_MAX_BODY_BYTES answer 413 PAYLOAD_TOO_LARGE, counted as they
 * stream in (shared/http/body.ts). A body that is not UTF-8 answers 400 BAD_REQUEST.
 */
import type { Plugin } from "graphql-yoga";
import { GraphQLErrorCode } from "../../../../shared/errors";
import { requestBodyAtMost, utf8Text } from "../../../../shared/http/body";
import type { RequestContext } from "../graphql/context";
import { gatewayError } from "./errors";

const tooLarge = (limit: number) =>
  gatewayError(GraphQLErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${limit} bytes.`, { status: 413 });

const notUtf8 = () => gatewayError(GraphQLErrorCode.BAD_REQUEST, "The request body is not valid UTF-8 text.", { status: 400 });

export function useBodyLimit(): Plugin<RequestContext, RequestContext> {
  return {
    async onRequestParse({ request, requestParser, setRequestParser, serverContext }) {
      if (!request.body || !requestParser) return;
      const limit = serverContext.config.GRAPHQL_MAX_BODY_BYTES;
      const body = await requestBodyAtMost(request, limit);
      if (!body) throw tooLarge(limit);
      if (utf8Text(body) === undefined) throw notUtf8();
      const buffered = new Request(request.url, { method: request.method, headers: request.headers, body });
      setRequestParser(() => requestParser(buffered));
    },
  };
}
