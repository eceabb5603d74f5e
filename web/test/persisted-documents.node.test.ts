/**
 * The allow-list the gateway runs with (GRAPHQL_PERSISTED_QUERIES=allow-list): codegen writes
 * web/src/gql/persisted-documents.json (hash -> document) from the app's graphql() calls,
 * the gateway bundles it, and the build copies it beside the app, never to be served.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WEB_ASSETS } from "../../scripts/web-build.ts";

const source = readFileSync("web/src/gql/persisted-documents.json", "utf8");
const documents = JSON.parse(source) as Record<string, string>;

describe("the app's persisted documents", () => {
  it("are there: every page's query is one of them", () => {
    expect(Object.keys(documents).length).toBeGreaterThan(0);
  });

  it("are each keyed by the SHA-256 of its text, in bare lowercase hex", () => {
    for (const [hash, document] of Object.entries(documents)) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(createHash("sha256").update(document).digest("hex"), document).toBe(hash);
    }
  });

  it("are in the build output as they are in the source, which .assetsignore keeps from being served", () => {
    expect(readFileSync(`${WEB_ASSETS}/persisted-documents.json`, "utf8")).toBe(source);
    const ignored = readFileSync("web/public/.assetsignore", "utf8").split("\n");
    expect(ignored).toContain("persisted-documents.json");
    expect(readFileSync(`${WEB_ASSETS}/.assetsignore`, "utf8")).toContain("persisted-documents.json");
  });
});
