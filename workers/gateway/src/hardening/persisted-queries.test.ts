import { describe, expect, it } from "vitest";
import manifest from "./persisted-operations.json";
import { DocumentStore, sha256Hex } from "./persisted-queries";
import { ask, codesOf, getGraphQL, postGraphQL } from "./testing";

const apq = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
const allowList = { GRAPHQL_PERSISTED_QUERIES: "allow-list" };
const [manifestHash, manifestDocument] = Object.entries(manifest)[0]!;

/** A document no other test has sent, so the per-isolate store has not seen it. */
const freshDocument = () => `{ fresh${crypto.randomUUID().slice(0, 8)}: __typename }`;

describe("automatic persisted queries", () => {
  it("asks for the document on a miss, then runs the hash alone", async () => {
    const query = freshDocument();
    const hash = await sha256Hex(query);
    const miss = await ask(postGraphQL({ extensions: apq(hash) }));
    expect(miss.response.status).toBe(404);
    expect(miss.body.errors?.[0]).toMatchObject({
      message: "PersistedQueryNotFound",
      extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
    });

    const register = await ask(postGraphQL({ query, extensions: apq(hash) }));
    expect(register.body.errors).toBeUndefined();

    const hit = await ask(getGraphQL({ extensions: JSON.stringify(apq(hash)) }));
    expect(hit.response.status).toBe(200);
    expect(Object.values(hit.body.data ?? {})).toEqual(["Query"]);
  });

  it("refuses a document whose hash does not match, and does not remember it", async () => {
    const hash = await sha256Hex(freshDocument());
    const mismatch = await ask(postGraphQL({ query: freshDocument(), extensions: apq(hash) }));
    expect(mismatch.response.status).toBe(400);
    expect(codesOf(mismatch.body)).toEqual(["BAD_REQUEST"]);
    const after = await ask(postGraphQL({ extensions: apq(hash) }));
    expect(codesOf(after.body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });

  it("runs the manifest's documents by hash", async () => {
    const { body } = await ask(postGraphQL({ extensions: apq(manifestHash) }));
    expect(body.data).toHaveProperty("health");
  });

  it("still runs documents sent in full without a hash", async () => {
    const { body } = await ask(postGraphQL({ query: "{ __typename }" }));
    expect(body).toEqual({ data: { __typename: "Query" } });
  });
});

describe("allow-list mode", () => {
  it("runs a manifest document by hash or by its text", async () => {
    expect(await sha256Hex(manifestDocument)).toBe(manifestHash);
    const byHash = await ask(postGraphQL({ extensions: apq(manifestHash) }), allowList);
    expect(byHash.body.errors).toBeUndefined();
    const byText = await ask(postGraphQL({ query: manifestDocument }), allowList);
    expect(byText.body.errors).toBeUndefined();
  });

  it("refuses any other document, even one the isolate has learnt", async () => {
    const query = freshDocument();
    const hash = await sha256Hex(query);
    await ask(postGraphQL({ query, extensions: apq(hash) }));
    for (const request of [postGraphQL({ query }), postGraphQL({ extensions: apq(hash) })]) {
      const { response, body } = await ask(request, allowList);
      expect(response.status).toBe(404);
      expect(codesOf(body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    }
  });

  it("does not mistake an object property for a manifest entry", async () => {
    const { body } = await ask(postGraphQL({ extensions: apq("constructor") }), allowList);
    expect(codesOf(body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });
});

describe("DocumentStore", () => {
  it("forgets the least recently used document past its entry bound", () => {
    const store = new DocumentStore(2, 1_000);
    store.set("a", "{ a }");
    store.set("b", "{ b }");
    store.get("a");
    store.set("c", "{ c }");
    expect([store.get("a"), store.get("b"), store.get("c")]).toEqual(["{ a }", undefined, "{ c }"]);
  });

  it("stays within its size bound and ignores a document larger than all of it", () => {
    const store = new DocumentStore(100, 10);
    store.set("a", "123456");
    store.set("b", "123456");
    expect([store.get("a"), store.get("b"), store.size]).toEqual([undefined, "123456", 1]);
    store.set("huge", "x".repeat(11));
    expect(store.get("huge")).toBeUndefined();
  });
});
