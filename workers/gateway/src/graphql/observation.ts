/**
 * Names a GraphQL request for its data point and log line: the operation (`query me`, or
 * the root fields of an anonymous one) and the first error code the result carries.
 */
import { Kind, type DocumentNode, type GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { RequestContext } from "./context";

/** `query Name`, or `query field1,field2` for an anonymous operation. */
export function operationName(document: DocumentNode, name?: string | null): string {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => (name ? o.name?.value === name : true)) ?? operations[0];
  if (!operation) return "unknown";
  const label =
    operation.name?.value ??
    operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : "...")).join(",");
  return `${operation.operation} ${label}`;
}

function firstErrorCode(result: unknown): string | undefined {
  const results = Array.isArray(result) ? result : [result];
  for (const one of results) {
    const errors = (one as { errors?: readonly GraphQLError[] } | null)?.errors;
    const code = errors?.find((e) => typeof e.extensions?.code === "string")?.extensions.code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

export function useObservation(): Plugin<RequestContext, RequestContext> {
  return {
    onExecute({ args }) {
      args.contextValue.observation.operation = operationName(args.document, args.operationName);
    },
    onResultProcess({ result, serverContext }) {
      const code = firstErrorCode(result);
      if (code && serverContext.observation.outcome === "ok") serverContext.observation.outcome = code;
    },
  };
}
