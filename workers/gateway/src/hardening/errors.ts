/**
 * Every error a client sees carries a contract code (shared/errors.ts). Unexpected ones are
 * masked: a generic message and the request id, while the details go to the logs.
 */
import { GraphQLError } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { GraphQLErrorCode } from "../../../../shared/errors";
import { REQUEST_ID_HEADER } from "../../../../shared/request-id";
import type { RequestContext } from "../graphql/context";

export const UNEXPECTED_ERROR_MESSAGE = "Unexpected error.";

interface HttpOptions {
  status?: number;
  headers?: Record<string, string>;
  /**
   * A GraphQL-over-HTTP request error: the status applies to application/graphql-response+json
   * only; application/json answers 200, as the spec requires.
   */
  spec?: boolean;
}

/** A GraphQL error with a contract code, and the HTTP status and headers it answers with. */
export function gatewayError(
  code: GraphQLErrorCode,
  message: string,
  http: HttpOptions = {},
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return createGraphQLError(message, { extensions: { ...extensions, code, http } });
}

/** An error the code meant to raise: a GraphQLError that wraps no other error. */
function isDeliberate(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null || isDeliberate(error.originalError);
}

/** yoga's maskError: unexpected errors become INTERNAL_SERVER_ERROR, keeping the cause for the log. */
export function maskUnexpectedError(error: unknown, message: string): Error {
  if (isDeliberate(error)) return error;
  const located = error instanceof GraphQLError ? error : undefined;
  return createGraphQLError(message, {
    ...(located ? { nodes: located.nodes, path: located.path } : {}),
    originalError: (located?.originalError ?? error) as Error,
    extensions: { code: GraphQLErrorCode.INTERNAL_SERVER_ERROR, unexpected: true },
  });
}

const CONTRACT_CODES = new Set<string>(Object.values(GraphQLErrorCode));
const VARIABLE_COERCION = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" (got invalid value|of required type|of non-null type)/;

/** yoga's own HTTP errors carry codes outside the contract (BAD_REQUEST for a 405...). */
function contractCode(error: GraphQLError): GraphQLErrorCode | undefined {
  const code = error.extensions["code"];
  const status = (error.extensions["http"] as HttpOptions | undefined)?.status;
  if (status === 405) return GraphQLErrorCode.METHOD_NOT_ALLOWED;
  if (status === 413) return GraphQLErrorCode.PAYLOAD_TOO_LARGE;
  if (typeof code === "string" && CONTRACT_CODES.has(code)) return code as GraphQLErrorCode;
  // graphql-js's variable coercion: a value of the wrong type, or a required one missing.
  if (VARIABLE_COERCION.test(error.message)) return GraphQLErrorCode.BAD_USER_INPUT;
  if (status && status >= 400 && status < 500) return GraphQLErrorCode.BAD_REQUEST;
  return undefined;
}

/**
 * yoga refuses these with a bare status and no body; the client gets a contract error body
 * instead, under the same status and headers (the 406's Accept lists what can be answered).
 */
const BARE_REFUSALS: Record<number, string> = {
  406: "No media type of the Accept header can be answered: accept application/graphql-response+json or application/json, and text/event-stream for a subscription.",
  415: "The request body must be application/json (or send the query in a GET query string).",
};

function withErrorBody(response: Response): Response | undefined {
  const message = BARE_REFUSALS[response.status];
  if (!message || response.body) return undefined;
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  const error = { message, extensions: { code: GraphQLErrorCode.BAD_REQUEST } };
  return new Response(JSON.stringify({ errors: [error] }), { status: response.status, headers });
}

/**
 * yoga puts the JSON parser's own error (name, message, position) in `originalError`, and
 * only because it is there answers 400 rather than 200 under application/json. The parser's
 * words go; the 400 stays, by making the status apply to both media types.
 */
function dropParserError(extensions: Record<string, unknown>): void {
  delete extensions["originalError"];
  const http = extensions["http"] as HttpOptions | undefined;
  if (http?.spec) extensions["http"] = { ...http, spec: false };
}

type OnRequestParse = NonNullable<Plugin<RequestContext, RequestContext>["onRequestParse"]>;
type RequestParser = Parameters<Parameters<OnRequestParse>[0]["setRequestParser"]>[0];

/** yoga's GET parser lets JSON.parse's SyntaxError of `variables` or `extensions` escape: a 500 for bad input. */
function withBadJsonRefused(parse: RequestParser): RequestParser {
  return async (request) => {
    try {
      return await parse(request);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw gatewayError(GraphQLErrorCode.BAD_REQUEST, "The variables and extensions parameters must be valid JSON.", { status: 400 });
    }
  };
}

function cause(error: GraphQLError): { name: string; message: string; stack?: string | undefined } {
  const original = error.originalError ?? error;
  return { name: original.name, message: original.message, stack: original.stack };
}

/**
 * Last look at every result before it is serialized: contract codes only, nothing internal in
 * the extensions, and each masked error logged and reported with its cause and stamped with
 * the request id the response carries. yoga's bare refusals get a contract error body.
 */
export function useContractErrors(): Plugin<RequestContext, RequestContext> {
  return {
    onResultProcess({ result, serverContext }) {
      const results = Array.isArray(result) ? result : [result];
      for (const single of results) {
        if (!("errors" in single) || !single.errors) continue;
        for (const error of single.errors) {
          if (!(error instanceof GraphQLError)) continue;
          const extensions = error.extensions as Record<string, unknown>;
          if (extensions["originalError"]) dropParserError(extensions);
          const code = contractCode(error);
          if (code) extensions["code"] = code;
          if (code !== GraphQLErrorCode.INTERNAL_SERVER_ERROR) continue;
          extensions["requestId"] = serverContext.requestId;
          serverContext.log.error("unexpected error", { error: cause(error), path: error.path });
          serverContext.reportError(error.originalError ?? error);
        }
      }
    },
    onRequestParse({ requestParser, setRequestParser }) {
      if (requestParser) setRequestParser(withBadJsonRefused(requestParser));
    },
    onResponse({ response, setResponse, serverContext }) {
      const refusal = withErrorBody(response);
      if (!refusal) return;
      setResponse(refusal);
      if (serverContext.observation.outcome === "ok") serverContext.observation.outcome = GraphQLErrorCode.BAD_REQUEST;
    },
  };
}

/** What /graphql answers when the app fails before yoga runs (a bad configuration...). */
export function unexpectedErrorResponse(requestId: string): Response {
  const error = { message: UNEXPECTED_ERROR_MESSAGE, extensions: { code: GraphQLErrorCode.INTERNAL_SERVER_ERROR, requestId } };
  // Set here: the failure may have come before the app could stamp its response.
  return Response.json({ errors: [error] }, { status: 500, headers: { [REQUEST_ID_HEADER]: requestId } });
}
