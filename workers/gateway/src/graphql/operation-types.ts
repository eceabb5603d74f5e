/**
 * A document may only use the operation types the schema has (the GraphQL spec's "Operation
 * Type Existence" rule, which graphql-js 16 lacks): without it a `subscription` passes
 * validation and fails at execution with an error that carries no code.
 */
import { GraphQLError, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";

export const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
    if (!root[node.operation]) {
      context.reportError(new GraphQLError(`The schema has no ${node.operation} operations.`, { nodes: node }));
    }
  },
});

export function useKnownOperationTypes(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(KnownOperationTypesRule);
    },
  };
}
