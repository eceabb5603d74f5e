import { getIntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { ask, codesOf, postGraphQL } from "./testing";

const query = (q: string, vars: Record<string, string> = {}) => ask(postGraphQL({ query: q }), vars);

const nested = (depth: number, leaf = "name") =>
  `{ __type(name: "Query") { ${"ofType { ".repeat(depth - 1)}${leaf}${" }".repeat(depth - 1)} } }`;

describe("query limits", () => {
  it("refuses a document deeper than GRAPHQL_MAX_DEPTH with QUERY_TOO_COMPLEX, and accepts one at it", async () => {
    const over = await query(nested(4), { GRAPHQL_MAX_DEPTH: "3" });
    expect(over.response.status).toBe(400);
    expect(codesOf(over.body)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(over.body.errors?.[0]?.message).toBe("Query depth limit of 3 exceeded, found 5.");
    const at = await query(nested(2, "kind"), { GRAPHQL_MAX_DEPTH: "3" });
    expect(at.body).toEqual({ data: { __type: { ofType: null } } });
  });

  it("counts aliases, __typename's included, against GRAPHQL_MAX_ALIASES", async () => {
    const over = await query("{ a: __typename b: __typename c: __typename }", { GRAPHQL_MAX_ALIASES: "2" });
    expect(codesOf(over.body)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(over.body.errors?.[0]?.message).toBe("Aliases limit of 2 exceeded, found 3.");
    const at = await query("{ a: __typename b: __typename }", { GRAPHQL_MAX_ALIASES: "2" });
    expect(at.body).toEqual({ data: { a: "Query", b: "Query" } });
  });

  it("refuses more directives than GRAPHQL_MAX_DIRECTIVES", async () => {
    const over = await query("{ __typename @skip(if: false) @include(if: true) __schema @skip(if: true) { __typename } }", {
      GRAPHQL_MAX_DIRECTIVES: "2",
    });
    expect(codesOf(over.body)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(over.body.errors?.[0]?.message).toMatch(/Directives limit of 2 exceeded/);
  });

  it("refuses more tokens than GRAPHQL_MAX_TOKENS before parsing the rest", async () => {
    const over = await query("{ t1: __typename t2: __typename t3: __typename }", { GRAPHQL_MAX_TOKENS: "8" });
    expect(over.response.status).toBe(400);
    expect(codesOf(over.body)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(over.body.errors?.[0]?.message).toBe("Token limit of 8 exceeded.");
  });

  it("lets GraphiQL's full introspection query through the default limits", async () => {
    const introspection = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    const { response, body } = await query(introspection);
    expect(body.errors).toBeUndefined();
    expect(response.status).toBe(200);
  });

  it("answers a document that does not parse with GRAPHQL_PARSE_FAILED", async () => {
    const { response, body } = await query("{ __typename");
    expect(response.status).toBe(400);
    expect(codesOf(body)).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });
});
