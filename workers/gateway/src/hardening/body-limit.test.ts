import { describe, expect, it } from "vitest";
import { yoga } from "../graphql/yoga";
import { readAtMost } from "./body-limit";
import { ask, codesOf, GRAPHQL_RESPONSE, testContext } from "./testing";

const LIMIT = 100 * 1024;

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoded = chunks.map((c) => new TextEncoder().encode(c));
  return new ReadableStream({
    pull(controller) {
      const next = encoded.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

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
  it("reads a body up to the limit, and refuses the byte after it", async () => {
    expect((await readAtMost(streamOf("ab", "cd"), 4)).byteLength).toBe(4);
    await expect(readAtMost(streamOf("ab", "cde"), 4)).rejects.toMatchObject({
      extensions: { code: "PAYLOAD_TOO_LARGE" },
    });
  });

  it("drops a refused body's rest up to 16 times the limit, then cuts an endless one off", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(readAtMost(endless, 4)).rejects.toMatchObject({ extensions: { code: "PAYLOAD_TOO_LARGE" } });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(2 + 16 + 1);
  });

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
    const request = post(streamOf(...bodyOfSize(LIMIT + 1)));
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

  // Decoded leniently, each would reach the resolvers as U+FFFD: a silently altered argument.
  it.each([
    ["an encoded lone surrogate (ED A0 80)", [0xed, 0xa0, 0x80]],
    ["a stray continuation byte", [0x80]],
    ["a truncated sequence", [0xf0, 0x9f, 0x98]],
    ["a Latin-1 byte", [0xe9]],
  ])("refuses a body that is not UTF-8, here %s, with 400 BAD_REQUEST", async (_, invalid) => {
    const { response, body } = await ask(post(withVariable("Ada", invalid)));
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
