import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "@0no-co/graphql.web";
import type { TypedDocumentNode } from "@urql/core";
import { csrfToken } from "../auth/api";
import { createClient } from "./client";

// As the client preset emits a document: its AST with the persisted hash beside it.
const HealthDocument = Object.assign(parse("query Health { health { status } }"), {
  __meta__: { hash: "ebf578e4ee69af88758b545e82a707706013f1a1e93a7469bfa7614698026a9b" },
}) as unknown as TypedDocumentNode<{ health: { status: string } }, Record<string, never>>;

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = "fafnir_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
});

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });

describe("the GraphQL client", () => {
  it("reads the CSRF token from the fafnir_csrf cookie", () => {
    expect(csrfToken("a=1; fafnir_csrf=abc%3D; b=2")).toBe("abc=");
    expect(csrfToken("a=1")).toBeUndefined();
  });

  it("sends the document's hash alone, with X-CSRF-Token; on UNAUTHENTICATED refreshes once and retries", async () => {
    document.cookie = "fafnir_csrf=token-1; path=/";
    const calls: { url: string; csrf: string | null; body: unknown }[] = [];
    const answers = [
      json({ errors: [{ message: "Sign in first.", extensions: { code: "UNAUTHENTICATED" } }] }),
      new Response(null, { status: 204 }),
      json({ data: { health: { status: "ok" } } }),
    ];
    const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({
        url: String(input),
        csrf: new Headers(init?.headers).get("x-csrf-token"),
        body: typeof init?.body === "string" ? JSON.parse(init.body) : init?.body,
      });
      return answers.shift()!;
    });
    vi.stubGlobal("fetch", fetchStub);
    const result = await createClient("http://localhost/graphql").query(HealthDocument, {}).toPromise();
    expect(result.data).toEqual({ health: { status: "ok" } });
    expect(calls.map((c) => c.url)).toEqual(["http://localhost/graphql", "/auth/refresh", "http://localhost/graphql"]);
    for (const call of calls) expect(call.csrf).toBe("token-1");
    expect(calls[0]!.body).toEqual({
      operationName: "Health",
      variables: {},
      extensions: { persistedQuery: { version: 1, sha256Hash: "ebf578e4ee69af88758b545e82a707706013f1a1e93a7469bfa7614698026a9b" } },
    });
  });
});
