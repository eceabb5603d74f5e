import { createSchema, createYoga } from "graphql-yoga";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { mainExport } from "../../../../shared/testing/main-export";
import { dataHeaders } from "../security-headers";
import { app } from "../app";
import type { RequestContext } from "../graphql/context";
import { gatewayError } from "./errors";
import { hardenedYogaOptions } from "./index";
import { codesOf, postGraphQL, testContext, type GraphQLBody } from "./testing";

const SECRET = "connect ECONNREFUSED 10.0.0.7:5432 (internal-db-primary)";

// The gateway's own options around a schema whose resolvers fail the two ways code can.
const failing = createYoga<RequestContext>({
  ...hardenedYogaOptions,
  schema: createSchema<RequestContext>({
    typeDefs: "type Query { crash: String, refuse: String, fine: String }",
    resolvers: {
      Query: {
        crash: () => {
          throw new TypeError(SECRET);
        },
        refuse: () => {
          throw gatewayError("FORBIDDEN", "You may not.");
        },
        fine: () => "fine",
      },
    },
  }),
});

async function askFailing(query: string) {
  const { context, lines, reported } = testContext();
  const response = await failing.fetch(postGraphQL({ query }), context);
  const text = await response.text();
  return { response, text, body: JSON.parse(text) as GraphQLBody, context, lines, reported };
}

describe("masked errors", () => {
  it("masks an unexpected error: generic message, INTERNAL_SERVER_ERROR, the request id, partial data", async () => {
    const { response, text, body, context } = await askFailing("{ crash fine }");
    expect(response.status).toBe(200);
    expect(body).toEqual({
      data: { crash: null, fine: "fine" },
      errors: [
        {
          message: "Unexpected error.",
          locations: [{ line: 1, column: 3 }],
          path: ["crash"],
          extensions: { code: "INTERNAL_SERVER_ERROR", requestId: context.requestId },
        },
      ],
    });
    expect(text).not.toMatch(/ECONNREFUSED|TypeError|internal-db|\bat /);
  });

  it("logs the cause of a masked error with the request id", async () => {
    const { lines, context } = await askFailing("{ crash }");
    const logged = lines.filter((line) => line["level"] === "error");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      message: "unexpected error",
      requestId: context.requestId,
      path: ["crash"],
      error: { name: "TypeError", message: SECRET, stack: expect.stringContaining("TypeError") },
    });
  });

  it("reports the cause of a masked error, once", async () => {
    const { reported } = await askFailing("{ crash fine }");
    expect(reported).toHaveLength(1);
    expect(reported[0]).toBeInstanceOf(TypeError);
    expect((reported[0] as Error).message).toBe(SECRET);
  });

  it("passes a deliberate error through with its code, unmasked, unlogged and unreported", async () => {
    const { body, lines, reported } = await askFailing("{ refuse }");
    expect(reported).toEqual([]);
    expect(body.errors?.[0]).toMatchObject({ message: "You may not.", extensions: { code: "FORBIDDEN" } });
    expect(body.errors?.[0]?.extensions).not.toHaveProperty("requestId");
    expect(lines.filter((line) => line["level"] === "error")).toEqual([]);
  });
});

describe("contract codes on HTTP-level errors", () => {
  const worker = mainExport<Fetcher>();

  it("answers a body that is not JSON with BAD_REQUEST", async () => {
    const response = await worker.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    expect(codesOf(await response.json())).toEqual(["BAD_REQUEST"]);
  });

  it("answers a variable of the wrong type, or a missing one, with BAD_USER_INPUT", async () => {
    const query = "query ($on: Boolean!) { __typename @include(if: $on) }";
    for (const variables of [{ on: "yes" }, {}]) {
      const response = await worker.fetch(postGraphQL({ query, variables }));
      expect(response.status).toBe(400);
      expect(codesOf(await response.json())).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("answers a DELETE with 405 METHOD_NOT_ALLOWED", async () => {
    const response = await worker.fetch("http://gateway.test/graphql", {
      method: "DELETE",
      headers: { accept: "application/graphql-response+json" },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(codesOf(await response.json())).toEqual(["METHOD_NOT_ALLOWED"]);
  });
});

describe("failures before yoga runs", () => {
  it("answer /graphql with a masked GraphQL error carrying the response's request id", async () => {
    const misconfigured = { ...env, GRAPHQL_MAX_DEPTH: "ten" };
    const response = await app.fetch(postGraphQL({ query: "{ __typename }" }), misconfigured);
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toBeTruthy();
    expect(await response.json()).toEqual({
      errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }],
    });
  });

  it("carry the data security headers, the configuration unread", async () => {
    const misconfigured = { ...env, GRAPHQL_MAX_DEPTH: "ten" };
    for (const path of ["/graphql", "/auth/me"]) {
      const response = await app.fetch(new Request(`http://gateway.test${path}`), misconfigured);
      expect(response.status, path).toBe(500);
      expect(Object.fromEntries(Object.keys(dataHeaders(false)).map((name) => [name, response.headers.get(name)])), path).toEqual(dataHeaders(false));
    }
  });
});
