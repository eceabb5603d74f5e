import { describe, expect, it } from "vitest";
import { yoga } from "../graphql/yoga";
import { ask, codesOf, GRAPHQL_RESPONSE, testContext } from "./testing";

const LIMIT = 100 * 1024;

/** A JSON body of exactly `size` bytes asking `{ __typename }`. */
const bodyOfSize = (size: number) => {
  const head = '{"query":"{ __typename }';
  return [head, " ".repeat(size - head.length - 2), '"}'];
};

const post = (body: BodyInit) =>
  new Request("http://gateway.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: GRAPHQL_RESPONSE },
    body,
  });

describe("request body limit", () => {
  it("runs a body of exactly GRAPHQL_MAX_BODY_BYTES", async () => {
    const { response, body } = await ask(post(bodyOfSize(LIMIT).join("")));
    expect(response.status).toBe(200);
    expect(body).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses a body one byte over with 413 PAYLOAD_TOO_LARGE", async () => {
    const { response, body } = await ask(post(bodyOfSize(LIMIT + 1).join("")));
    expect(response.status).toBe(413);
    expect(codesOf(body)).toEqual(["PAYLOAD_TOO_LARGE"]);
  });

  it("counts a streamed body that declares no length", async () => {
    const request = post(new Blob(bodyOfSize(LIMIT + 1)).stream());
    expect(request.headers.get("content-length")).toBeNull();
    const { response, body } = await ask(request);
    expect(response.status).toBe(413);
    expect(codesOf(body)).toEqual(["PAYLOAD_TOO_LARGE"]);
  });

  it("follows GRAPHQL_MAX_BODY_BYTES", async () => {
    const { response } = await ask(post(bodyOfSize(2_000).join("")), { GRAPHQL_MAX_BODY_BYTES: "1000" });
    expect(response.status).toBe(413);
  });
});

describe("body encoding", () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)));
  const withVariable = (...value: (string | number[])[]) =>
    bytes('{"query":"query ($n: String!) { hasPermission(permission: $n) }","variables":{"n":"', ...value, '"}}');

  it("takes UTF-8, emoji and accents included", async () => {
    const { response, body } = await ask(post(withVariable("Zoë 👨‍👩‍👧‍👦")));
    expect(response.status).toBe(200);
    expect(body).toEqual({ data: { hasPermission: false } });
  });

  // Which bytes are not UTF-8: shared/http/body.test.ts.
  it("refuses a body that is not UTF-8, here an encoded lone surrogate (ED A0 80), with 400 BAD_REQUEST", async () => {
    const { response, body } = await ask(post(withVariable("Ada", [0xed, 0xa0, 0x80])));
    expect(response.status).toBe(400);
    expect(codesOf(body)).toEqual(["BAD_REQUEST"]);
  });
});

describe("multipart bodies", () => {
  it("are refused with 415: the schema takes no uploads", async () => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: "{ __typename }" }));
    form.set("map", "{}");
    const request = new Request("http://gateway.test/graphql", { method: "POST", body: form });
    const response = await yoga.fetch(request, testContext().context);
    expect(response.status).toBe(415);
  });
});
