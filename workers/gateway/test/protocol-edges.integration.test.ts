/**
 * The edges of GraphQL over HTTP that no resolver sees, through the real gateway: each answer
 * carries a contract code in a JSON body and the request id, and nothing of the internals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { signUp } from "./support/graphql-client.ts";

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const post = (headers: Record<string, string>, body: string) => platform.fetch("/graphql", { method: "POST", headers, body });

async function answer(response: Awaited<ReturnType<Platform["fetch"]>>) {
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    requestId: response.headers.get("x-request-id"),
    text: await response.text(),
  };
}

describe("GraphQL over HTTP edges", () => {
  it("an invalid subscription is GRAPHQL_VALIDATION_FAILED, in JSON, before any stream opens", async () => {
    const got = await answer(
      await post(
        { "content-type": "application/json", accept: "text/event-stream, application/graphql-response+json" },
        JSON.stringify({ query: 'subscription { quotes(symbols: ["AAPL"]) }' }),
      ),
    );
    expect(got).toMatchObject({ status: 400, contentType: expect.stringMatching(/json/), requestId: expect.any(String) });
    expect(JSON.parse(got.text)).toEqual({
      errors: [
        {
          message: 'Field "quotes" of type "QuoteUpdate!" must have a selection of subfields. Did you mean "quotes { ... }"?',
          locations: [{ line: 1, column: 16 }],
          extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
        },
      ],
    });
  });

  it("a subscription asked for in JSON alone is 406 BAD_REQUEST, naming the event stream", async () => {
    const { token } = await signUp(platform, "edges");
    const got = await answer(
      await post(
        { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${token}` },
        JSON.stringify({ query: 'subscription { quotes(symbols: ["AAPL"]) { symbol } }' }),
      ),
    );
    expect(got).toMatchObject({ status: 406, requestId: expect.any(String) });
    expect(JSON.parse(got.text)).toEqual({
      errors: [{ message: expect.stringContaining("text/event-stream"), extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it("a body of a media type the endpoint does not take is 415 BAD_REQUEST, in JSON", async () => {
    const got = await answer(await post({ "content-type": "text/plain" }, "{ __typename }"));
    expect(got).toMatchObject({ status: 415, contentType: expect.stringMatching(/^application\/json/), requestId: expect.any(String) });
    expect(JSON.parse(got.text)).toEqual({
      errors: [{ message: expect.stringContaining("application/json"), extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it("an Accept the endpoint cannot answer is 406 BAD_REQUEST, in JSON, naming what it can answer", async () => {
    const response = await post({ "content-type": "application/json", accept: "application/xml" }, JSON.stringify({ query: "{ __typename }" }));
    expect(response.headers.get("accept")).toContain("application/graphql-response+json");
    const got = await answer(response);
    expect(got).toMatchObject({ status: 406, contentType: expect.stringMatching(/^application\/json/), requestId: expect.any(String) });
    expect(JSON.parse(got.text)).toEqual({
      errors: [{ message: expect.stringContaining("application/graphql-response+json"), extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it.each(["application/graphql-response+json", "application/json"])(
    "a body that is not JSON is 400 BAD_REQUEST, without the parser's own error (accepting %s)",
    async (accept) => {
      const got = await answer(await post({ "content-type": "application/json", accept }, "{not json"));
      expect(got.status).toBe(400);
      expect(got.requestId).toBeTruthy();
      expect(JSON.parse(got.text)).toEqual({ errors: [{ message: "POST body sent invalid JSON.", extensions: { code: "BAD_REQUEST" } }] });
      expect(got.text).not.toMatch(/SyntaxError|position|originalError/);
    },
  );

  it.each(["variables", "extensions"])("a GET whose %s parameter is not JSON is 400 BAD_REQUEST, not a 500", async (parameter) => {
    const response = await platform.fetch(`/graphql?query=${encodeURIComponent("{ __typename }")}&${parameter}=${encodeURIComponent("{not")}`);
    const got = await answer(response);
    expect(got.status).toBe(400);
    expect(got.requestId).toBeTruthy();
    expect(JSON.parse(got.text)).toEqual({
      errors: [{ message: "The variables and extensions parameters must be valid JSON.", extensions: { code: "BAD_REQUEST" } }],
    });
  });
});
