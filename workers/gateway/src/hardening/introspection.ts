/**
 * With introspection off (production by default), __schema and __type are refused, and
 * validation messages lose their "Did you mean ...?" hints, which would spell the schema
 * out one guess at a time.
 */
import { GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { RequestContext } from "../graphql/context";
import { introspectionEnabled } from "./config";

const SUGGESTION = / ?Did you mean .*$/;

function withoutSuggestion(error: Error): Error {
  if (!(error instanceof GraphQLError) || !SUGGESTION.test(error.message)) return error;
  return new GraphQLError(error.message.replace(SUGGESTION, ""), { nodes: error.nodes, extensions: error.extensions });
}

export function useIntrospectionSwitch(): Plugin<RequestContext, RequestContext> {
  return {
    onValidate({ context, addValidationRule }) {
      if (introspectionEnabled(context.config)) return;
      addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map(withoutSuggestion));
      };
    },
  };
}
