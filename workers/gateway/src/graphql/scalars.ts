/**
 * The contract's own scalars. `Decimal` (trading.graphql) is exact decimal text both ways:
 * a number never gets in, since a JSON number has already been through a binary float.
 * Whether the text is a decimal the field takes (places, range) is the trading service's
 * rule, answered as BAD_USER_INPUT naming the argument.
 */
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const REFUSED = 'a Decimal is written as a string, e.g. "100.00": numbers are refused (trading.md)';

/**
 * A variable that is not a string: graphql-js names the variable and hardening/errors.ts
 * answers BAD_USER_INPUT. A GraphQLError, since any other error would reach yoga as the
 * coercion error's original error, and be masked as unexpected (500).
 */
function decimalText(value: unknown): string {
  if (typeof value !== "string") throw new GraphQLError(REFUSED);
  return value;
}

export const Decimal = new GraphQLScalarType<string, string>({
  name: "Decimal",
  serialize: (value) => {
    // Every service answers decimal text; anything else is a bug to surface, not to coerce.
    if (typeof value !== "string") throw new TypeError(`Decimal output must be decimal text, not ${typeof value}`);
    return value;
  },
  parseValue: decimalText,
  // A plain error (not a GraphQLError): graphql-js reports it as a validation failure of the document.
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new TypeError(REFUSED);
    return node.value;
  },
});
