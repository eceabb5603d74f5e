/**
 * How the gateway serves the web app beside /graphql, /auth/* and GraphiQL's files, on the
 * real platform with the gateway in allow-list mode (the node project's globalSetup builds
 * the app first): SPA routing, every response's security headers, what is never served,
 * and the allow-list holding every document the app sends (issue 12, acceptance 3).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appHeaders, dataHeaders } from "../../workers/gateway/src/security-headers.ts";
import { startPlatform, type Platform } from "../../scripts/testing/platform.ts";

let platform: Platform;
const navigate = { accept: "text/html,application/xhtml+xml", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" };

beforeAll(async () => {
  platform = await startPlatform({ vars: { gateway: { GRAPHQL_PERSISTED_QUERIES: "allow-list" } } });
});
afterAll(() => platform?.stop());

type Answer = { headers: { get(name: string): string | null } };
const csp = (response: Answer) => response.headers.get("content-security-policy");

/** nosniff, the referrer policy and a CSP refusing frames: what every response carries. */
function expectBaseHeaders(response: Answer, what: string): void {
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(csp(response), what).toContain("frame-ancestors 'none'");
}

describe("the web app's assets", () => {
  it("serves index.html with the app's headers at / and at any app path (SPA fallback)", async () => {
    for (const path of ["/", "/stocks/AAPL", "/no/such/page", "/search?q=micro"]) {
      const response = await platform.fetch(path, { headers: navigate });
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('<div id="root">');
      expectBaseHeaders(response, path);
      expect(csp(response), path).toBe(appHeaders(true)["Content-Security-Policy"]);
      // The tests serve the production build (npm run build, globalSetup): HSTS included.
      expect(response.headers.get("strict-transport-security"), path).toBe(appHeaders(true)["Strict-Transport-Security"]);
    }
  });

  it("serves an SPA path to a non-navigation fetch too", async () => {
    expect((await platform.fetch("/watchlist")).status).toBe(200);
  });

  it("serves the hashed script, immutable, with the app's headers", async () => {
    const html = await (await platform.fetch("/", { headers: navigate })).text();
    expect(html).not.toMatch(/<script>/);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await platform.fetch(script!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    expect(response.headers.get("cache-control")).toContain("immutable");
    expectBaseHeaders(response, script!);
  });

  it("keeps GraphiQL at /graphql for a browser navigation, and its files from the assets", async () => {
    const css = await platform.fetch("/graphiql/graphiql.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/text\/css/);
  });

  it("keeps /auth/* the Worker's, navigations included", async () => {
    const jwks = await platform.fetch("/auth/.well-known/jwks.json", { headers: navigate });
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get("content-type")).toMatch(/json/);
    expect((await platform.fetch("/auth/no-such-route", { method: "DELETE" })).status).toBe(404);
  });

  it("does not serve the build's allow-list, source maps, manifest or _headers", async () => {
    const html = await (await platform.fetch("/", { headers: navigate })).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    for (const path of ["/persisted-documents.json", "/_headers", "/.assetsignore", "/.vite/manifest.json", `${script}.map`]) {
      const response = await platform.fetch(path);
      // A miss is the SPA fallback: index.html, never the file.
      expect(await response.text(), path).toContain('<div id="root">');
    }
  });
});

describe("the Worker's own responses", () => {
  it("carry the data headers: /graphql JSON, a forwarded /auth/* answer, a 404, an error", async () => {
    const answers = {
      "/graphql JSON": await platform.fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      "/auth/* forwarded": await platform.fetch("/auth/.well-known/jwks.json"),
      "/auth/* 404": await platform.fetch("/auth/no-such-route", { method: "DELETE" }),
      "/graphql 405": await platform.fetch("/graphql", { method: "DELETE" }),
    };
    for (const [what, response] of Object.entries(answers)) {
      expectBaseHeaders(response, what);
      expect(csp(response), what).toBe(dataHeaders(false)["Content-Security-Policy"]);
      // ENVIRONMENT is "test" here: HSTS is production's (its unit test says so).
      expect(response.headers.get("strict-transport-security"), what).toBeNull();
    }
  });

  it("give GraphiQL's page a CSP that names its inline scripts by hash, not 'unsafe-inline'", async () => {
    const page = await platform.fetch("/graphql", { headers: navigate });
    expect(await page.text()).toContain("yoga-graphiql.umd.js");
    expectBaseHeaders(page, "GraphiQL");
    const scriptSrc = csp(page)!.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*'){2}$/);
  });
});

describe("the gateway in allow-list mode (GRAPHQL_PERSISTED_QUERIES=allow-list)", () => {
  const documents = Object.entries(JSON.parse(readFileSync("web/src/gql/persisted-documents.json", "utf8")) as Record<string, string>);
  const send = async (body: object) => {
    const response = await platform.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  };
  const codes = (body: Awaited<ReturnType<typeof send>>) => (body.errors ?? []).map((e) => e.extensions?.code);

  it("knows the app's documents (web/src/gql/persisted-documents.json is not empty)", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it("runs every document of the app sent by its hash alone", async () => {
    for (const [hash, document] of documents) {
      const operationName = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1];
      // Variables left out: errors for them are fine, only the hash must be known.
      const body = await send({ operationName, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(codes(body), `${operationName}: ${JSON.stringify(body)}`).not.toContain("PERSISTED_QUERY_NOT_FOUND");
      expect(body.data !== undefined || (body.errors?.length ?? 0) > 0, operationName).toBe(true);
    }
  });

  it("refuses an ad-hoc query", async () => {
    expect(codes(await send({ query: "{ health { status } }" }))).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });
});
