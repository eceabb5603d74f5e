/**
 * No response body over GRAPHQL_MAX_COST bytes (the contract's 5 MB), twice over:
 *
 * - Before anything runs, the operation's response bound (response-bound.ts, with the
 *   coerced variables, so `stocks(symbols: $s)` counts the symbols sent) must be within the
 *   limit, else QUERY_TOO_COMPLEX and no resolver is called.
 * - While serializing, a body over the limit is not sent: the request answers
 *   QUERY_TOO_COMPLEX instead. Only a maximum of response-maxima.ts that the data broke
 *   can get here.
 */
import type { ExecutionArgs, GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { RequestContext } from "../graphql/context";
import { tooComplex } from "./limits";
import { operationBound } from "./response-bound";
import { fafnirMaxima } from "./response-maxima";

const bytes = (n: number) => `${n.toLocaleString("en-US")} bytes`;

/** QUERY_TOO_COMPLEX when the operation could answer more than `maxBytes`. */
function oversizedOperation(args: ExecutionArgs, maxBytes: number): GraphQLError | undefined {
  const { schema, document, operationName, variableValues } = args;
  const bound = operationBound(schema, document, operationName, variableValues, fafnirMaxima(schema), maxBytes);
  if (bound === undefined || bound <= maxBytes) return undefined;
  const size = Number.isFinite(bound) ? `up to ${bytes(bound)}` : `over ${bytes(maxBytes)}`;
  return tooComplex(
    `The response could be ${size}, over the limit of ${bytes(maxBytes)}: ask for fewer symbols, a shorter history period, a smaller page, fewer aliases or fewer fields.`,
  );
}

const utf8 = new TextEncoder();

/** The UTF-8 size of `json` when it is over `maxBytes` (encoded only when its length leaves it in doubt). */
function sizeOver(json: string, maxBytes: number): number | undefined {
  if (json.length * 3 <= maxBytes) return undefined;
  const size = utf8.encode(json).length;
  return size > maxBytes ? size : undefined;
}

type Stringify = (result: unknown) => string;

/**
 * yoga serializes a result with its `stringify` when it has one. Throwing from it sends
 * the error down yoga's failed-request path, which answers it with its own status (400 for
 * application/graphql-response+json, as the other limits).
 */
function cappedStringify(stringify: Stringify, maxBytes: number, log: RequestContext["log"]): Stringify {
  return (result) => {
    const json = stringify(result);
    const size = sizeOver(json, maxBytes);
    if (size === undefined) return json;
    log.warn("response over the limit", { bytes: size, maxBytes });
    throw tooComplex(`The response would be ${bytes(size)}, over the limit of ${bytes(maxBytes)}: ask for less.`);
  };
}

export function useResponseSizeLimit(): Plugin<RequestContext, RequestContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = oversizedOperation(args, (args.contextValue as RequestContext).config.GRAPHQL_MAX_COST);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
    onResultProcess({ result, setResult, serverContext }) {
      if (isAsyncIterable(result) || Array.isArray(result)) return;
      const own = (result as { stringify?: Stringify }).stringify ?? JSON.stringify;
      setResult({ ...result, stringify: cappedStringify(own, serverContext.config.GRAPHQL_MAX_COST, serverContext.log) });
    },
  };
}
