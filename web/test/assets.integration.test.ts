/**
 * SPIKE: how the gateway serves the web app beside /graphql, /auth/* and GraphiQL's files,
 * on the real platform (needs `npx vite build -c web/vite.config.ts` first).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../scripts/testing/platform.ts";

let platform: Platform;
const navigate = { accept: "text/html,application/xhtml+xml", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" };

beforeAll(async () => {
  platform = await startPlatform({ vars: { gateway: { GRAPHQL_PERSISTED_QUERIES: "allow-list" } } });
});
afterAll(() => platform?.stop());

const securityHeaders = (response: { headers: { get(name: string): string | null } }) => ({
  csp: response.headers.get("content-security-policy"),
  nosniff: response.headers.get("x-content-type-options"),
  referrer: response.headers.get("referrer-policy"),
  hsts: response.headers.get("strict-transport-security"),
});

describe("web app assets (spike)", () => {
  it("serves index.html with the security headers at / and at any app path (SPA fallback)", async () => {
    for (const path of ["/", "/stocks/AAPL", "/no/such/page", "/search?q=micro"]) {
      const response = await platform.fetch(path, { headers: navigate });
      const body = await response.text();
      console.log(path, response.status, response.headers.get("content-type"), securityHeaders(response));
      expect(response.status).toBe(200);
      expect(body).toContain('<div id="root">');
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("serves an SPA path to a non-navigation fetch too", async () => {
    const response = await platform.fetch("/watchlist");
    console.log("/watchlist (fetch)", response.status, response.headers.get("content-type"));
    expect(response.status).toBe(200);
  });

  it("serves the hashed script with its own headers", async () => {
    const html = await (await platform.fetch("/", { headers: navigate })).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await platform.fetch(script!);
    console.log(script, response.status, response.headers.get("content-type"), response.headers.get("cache-control"), securityHeaders(response));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
  });

  it("keeps GraphiQL at /graphql for a browser navigation, and its files from the assets", async () => {
    const page = await platform.fetch("/graphql", { headers: navigate });
    const html = await page.text();
    console.log("/graphql (navigate)", page.status, page.headers.get("content-type"), securityHeaders(page));
    expect(html).toContain("yoga-graphiql.umd.js");
    const css = await platform.fetch("/graphiql/graphiql.css");
    console.log("/graphiql/graphiql.css", css.status, css.headers.get("content-type"), securityHeaders(css));
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/text\/css/);
  });

  it("keeps /auth/* the Worker's, navigations included", async () => {
    const jwks = await platform.fetch("/auth/.well-known/jwks.json", { headers: navigate });
    console.log("/auth/.well-known/jwks.json (navigate)", jwks.status, jwks.headers.get("content-type"));
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get("content-type")).toMatch(/json/);
    const unknown = await platform.fetch("/auth/no-such-route", { method: "DELETE" });
    expect(unknown.status).toBe(404);
  });

  it("does not serve the build's allow-list or source maps", async () => {
    for (const path of ["/persisted-documents.json", "/_headers", "/.assetsignore"]) {
      const response = await platform.fetch(path);
      const body = await response.text();
      console.log(path, response.status, response.headers.get("content-type"), body.slice(0, 40));
      expect(body).not.toContain("query Health");
    }
  });

  it("runs the app's document by hash alone with the gateway in allow-list mode", async () => {
    const documents = JSON.parse(readFileSync("web/src/gql/persisted-documents.json", "utf8")) as Record<string, string>;
    const [hash] = Object.keys(documents);
    const byHash = await platform.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ operationName: "Health", extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    const body = await byHash.json();
    console.log("allow-list by hash", byHash.status, JSON.stringify(body));
    expect(body).toMatchObject({ data: { health: { status: expect.any(String) } } });
    const adHoc = await platform.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { status } }" }),
    });
    const adHocBody = await adHoc.json();
    console.log("allow-list ad hoc", adHoc.status, JSON.stringify(adHocBody));
    expect(adHocBody).toMatchObject({ errors: [{ extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }] });
  });
});
