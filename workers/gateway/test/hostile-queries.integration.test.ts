/**
 * Hostile requests against the real gateway bundle in workerd: each gets its documented
 * code, none a 500. Built from __typename and introspection fields, which every schema
 * has, so they keep meaning the same as the schema grows.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";

type HarnessResponse = Awaited<ReturnType<Platform["fetch"]>>;

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const GRAPHQL_RESPONSE = "application/graphql-response+json";
const BODY_LIMIT = 100 * 1024;

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const postBody = (body: string, accept = GRAPHQL_RESPONSE) =>
  platform.fetch("/graphql", { method: "POST", headers: { "content-type": "application/json", accept }, body });
const post = (query: string, extensions?: object) => postBody(JSON.stringify({ query, extensions }));
const get = (params: Record<string, string>) =>
  platform.fetch(`/graphql?${new URLSearchParams(params)}`, { headers: { accept: GRAPHQL_RESPONSE } });

async function expectRefusal(response: HarnessResponse, status: number, code: string): Promise<GraphQLBody> {
  const body = (await response.json()) as GraphQLBody;
  // One breach can break several limits at once (depth and cost): each error says so.
  const codes = new Set(body.errors?.map((e) => e.extensions?.code));
  expect({ status: response.status, codes: [...codes] }).toEqual({ status, codes: [code] });
  expect(response.headers.get("content-type")).toContain(GRAPHQL_RESPONSE);
  expect(response.headers.get("x-request-id")).toBeTruthy();
  return body;
}

const nested = (depth: number) => `{ __type(name: "Query") { ${"ofType { ".repeat(depth - 1)}name${" }".repeat(depth - 1)} } }`;

describe("hostile requests through the real gateway", () => {
  it("answers a depth of 50 with QUERY_TOO_COMPLEX", async () => {
    const body = await expectRefusal(await post(nested(50)), 400, "QUERY_TOO_COMPLEX");
    expect(body.errors?.[0]?.message).toMatch(/depth limit of \d+ exceeded, found 51/);
  });

  it("answers 1,000 aliases with QUERY_TOO_COMPLEX", async () => {
    const aliases = Array.from({ length: 1_000 }, (_, i) => `a${i}: __typename`).join(" ");
    await expectRefusal(await post(`{ ${aliases} }`), 400, "QUERY_TOO_COMPLEX");
  });

  it("answers 30 aliases of a nested introspection fan-out with QUERY_TOO_COMPLEX, for the response it could make", async () => {
    // As deep as graphql-js's own introspection depth rule lets it go.
    const fanOut = "__schema { types { fields { type { ofType { fields { name description } } } } } }";
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: ${fanOut}`).join(" ");
    const body = await expectRefusal(await post(`{ ${aliases} }`), 400, "QUERY_TOO_COMPLEX");
    expect(body.errors?.[0]?.message).toMatch(/^The response could be up to [\d,]+ bytes, over the limit of 5,000,000 bytes/);
  });

  it("answers 50,000 tokens with QUERY_TOO_COMPLEX (before any parse of them)", async () => {
    const document = `{${" a".repeat(49_998)} }`;
    const body = JSON.stringify({ query: document });
    expect(body.length).toBeLessThan(BODY_LIMIT); // so it is the token limit that refuses it
    const result = await expectRefusal(await postBody(body), 400, "QUERY_TOO_COMPLEX");
    expect(result.errors?.[0]?.message).toMatch(/Token limit of \d+ exceeded/);
  });

  it("answers a 1 MB body with 413 PAYLOAD_TOO_LARGE", async () => {
    const body = JSON.stringify({ query: `{ __typename }${" ".repeat(1024 * 1024)}` });
    await expectRefusal(await postBody(body), 413, "PAYLOAD_TOO_LARGE");
  });

  it("counts a streamed body without Content-Length and stops it at the limit", async () => {
    const encoder = new TextEncoder();
    async function* oneMegabyte() {
      yield encoder.encode('{"query":"{ __typename }');
      for (let i = 0; i < 16; i++) yield encoder.encode(" ".repeat(64 * 1024));
      yield encoder.encode('"}');
    }
    const init = {
      method: "POST",
      headers: { "content-type": "application/json", accept: GRAPHQL_RESPONSE },
      body: oneMegabyte(),
      duplex: "half" as const,
    };
    await expectRefusal(await platform.fetch("/graphql", init), 413, "PAYLOAD_TOO_LARGE");
  });

  it("answers `{` alone with GRAPHQL_PARSE_FAILED: 400, or 200 for application/json as the spec asks", async () => {
    await expectRefusal(await post("{"), 400, "GRAPHQL_PARSE_FAILED");
    const asJson = await postBody(JSON.stringify({ query: "{" }), "application/json");
    expect(asJson.status).toBe(200);
    expect(((await asJson.json()) as GraphQLBody).errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers an unknown field with GRAPHQL_VALIDATION_FAILED", async () => {
    await expectRefusal(await post("{ noSuchField }"), 400, "GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses a mutation over GET with 405 METHOD_NOT_ALLOWED, naming POST", async () => {
    const response = await get({ query: "mutation { __typename }" });
    expect(response.headers.get("allow")).toBe("POST");
    await expectRefusal(response, 405, "METHOD_NOT_ALLOWED");
  });

  it("refuses methods GraphQL over HTTP does not use with 405", async () => {
    const response = await platform.fetch("/graphql", {
      method: "PUT",
      headers: { "content-type": "application/json", accept: GRAPHQL_RESPONSE },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    await expectRefusal(response, 405, "METHOD_NOT_ALLOWED");
  });

  it("answers an unknown persisted id with PERSISTED_QUERY_NOT_FOUND, over POST and GET", async () => {
    const sha256Hash = createHash("sha256").update(`unknown ${Math.random()}`).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    await expectRefusal(await postBody(JSON.stringify({ extensions })), 404, "PERSISTED_QUERY_NOT_FOUND");
    await expectRefusal(await get({ extensions: JSON.stringify(extensions) }), 404, "PERSISTED_QUERY_NOT_FOUND");
  });

  it("runs queries over GET", async () => {
    const response = await get({ query: "{ __typename }" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
  });
});
