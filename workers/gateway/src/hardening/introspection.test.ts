import { describe, expect, it } from "vitest";
import { yoga } from "../graphql/yoga";
import { ask, codesOf, postGraphQL, testContext } from "./testing";

const production = { ENVIRONMENT: "production" };
const schemaQuery = () => postGraphQL({ query: "{ __schema { queryType { name } } }" });

describe("introspection switch", () => {
  it("serves introspection outside production", async () => {
    const { body } = await ask(schemaQuery(), { ENVIRONMENT: "development" });
    expect(body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("refuses __schema and __type in production", async () => {
    const schema = await ask(schemaQuery(), production);
    expect(codesOf(schema.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    const type = await ask(postGraphQL({ query: '{ __type(name: "Query") { name } }' }), production);
    expect(codesOf(type.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("turns on in production with GRAPHQL_INTROSPECTION=true", async () => {
    const { body } = await ask(schemaQuery(), { ...production, GRAPHQL_INTROSPECTION: "true" });
    expect(body.errors).toBeUndefined();
  });

  it("drops 'Did you mean' hints, which spell the schema out, when introspection is off", async () => {
    const typo = () => postGraphQL({ query: "{ healt { status } }" });
    const development = await ask(typo(), { ENVIRONMENT: "development" });
    expect(development.body.errors?.[0]?.message).toBe('Cannot query field "healt" on type "Query". Did you mean "health"?');
    const { body } = await ask(typo(), production);
    expect(body.errors?.[0]?.message).toBe('Cannot query field "healt" on type "Query".');
    expect(codesOf(body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });
});

describe("GraphiQL switch", () => {
  const browser = () => new Request("http://gateway.test/graphql", { headers: { accept: "text/html" } });

  it("is off in production", async () => {
    const response = await yoga.fetch(browser(), testContext(production).context);
    expect(await response.text()).not.toContain("GraphiQL");
  });

  it("turns on in production with GRAPHIQL=true", async () => {
    const response = await yoga.fetch(browser(), testContext({ ...production, GRAPHIQL: "true" }).context);
    expect(await response.text()).toContain("GraphiQL");
  });
});
