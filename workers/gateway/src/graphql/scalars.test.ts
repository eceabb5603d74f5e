import { buildSchema, graphql, type GraphQLScalarType } from "graphql";
import { describe, expect, it } from "vitest";
import { Decimal } from "./scalars";

/** A schema whose one field echoes a Decimal argument, to see the scalar through graphql-js. */
function echoSchema() {
  const schema = buildSchema("scalar Decimal type Query { echo(amount: Decimal!): Decimal! }");
  Object.assign(schema.getType("Decimal") as GraphQLScalarType, {
    serialize: Decimal.serialize,
    parseValue: Decimal.parseValue,
    parseLiteral: Decimal.parseLiteral,
  });
  return schema;
}

const run = (source: string, variableValues?: Record<string, unknown>) =>
  graphql({ schema: echoSchema(), source, variableValues, rootValue: { echo: ({ amount }: { amount: string }) => amount } });

describe("the Decimal scalar", () => {
  it("takes and answers decimal text, in a variable or written in the document", async () => {
    expect((await run("query ($a: Decimal!) { echo(amount: $a) }", { a: "100000.00" })).data).toEqual({ echo: "100000.00" });
    expect((await run('{ echo(amount: "-12.3456") }')).data).toEqual({ echo: "-12.3456" });
  });

  it("rule: a JSON number in variables is refused as the variable's coercion error (BAD_USER_INPUT at the gateway)", async () => {
    const { errors, data } = await run("query ($a: Decimal!) { echo(amount: $a) }", { a: 100.5 });
    expect(data).toBeUndefined();
    // hardening/errors.ts answers this form of message BAD_USER_INPUT.
    expect(errors?.[0]?.message).toMatch(/^Variable "\$a" got invalid value 100\.5; .*numbers are refused/);
  });

  it("rule: a number written in the document fails validation", async () => {
    const { errors, data } = await run("{ echo(amount: 100.5) }");
    expect(data).toBeUndefined();
    expect(errors?.[0]?.message).toMatch(/^Expected value of type "Decimal!", found 100\.5; .*numbers are refused/);
  });

  it("lets any text through: whether it is a decimal the field takes is the trading service's rule", async () => {
    expect((await run("query ($a: Decimal!) { echo(amount: $a) }", { a: "abc" })).data).toEqual({ echo: "abc" });
  });

  it("never turns a non-string answer into one", () => {
    expect(() => Decimal.serialize(100.5)).toThrow(/decimal text/);
  });
});
