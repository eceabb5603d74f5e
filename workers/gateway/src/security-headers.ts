/**
 * The security headers of everything the gateway serves, in one place: the web app's pages
 * and files (Workers static assets: web/security-headers.ts writes them into `_headers` at
 * build time, since asset responses never run this code) and the Worker's own responses
 * (/graphql JSON, GraphiQL's page, forwarded /auth/* answers, 404s: the middleware below).
 */
import type { MiddlewareHandler } from "hono";
import type { GatewayConfig } from "./config";

export type HeaderSet = Readonly<Record<string, string>>;
type Csp = Readonly<Record<string, readonly string[]>>;

/** What no response of ours may be: framed (clickjacking), content-sniffed, or a full-URL referrer. */
const BASE_HEADERS: HeaderSet = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** Production only: over plain http (every local and test run) browsers ignore it anyway (RFC 6797 §8.1). */
export const HSTS: HeaderSet = { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" };

/** Every policy ends so: no plugins, no <base> rewriting, never inside a frame. */
const LOCKED: Csp = { "object-src": ["'none'"], "base-uri": ["'none'"], "frame-ancestors": ["'none'"] };

/** The web app: its origin alone, for everything, and no inline script or style at all. */
const APP_CSP: Csp = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'"],
  "form-action": ["'self'"],
  ...LOCKED,
};

/** JSON answers render nothing: a browser that opens one directly may load nothing with it. */
const DATA_CSP: Csp = { "default-src": ["'none'"], "frame-ancestors": ["'none'"] };

/**
 * GraphiQL (graphql/graphiql-page.ts): the app's policy, plus its two inline scripts by hash,
 * the inline styles its editor sets and the data: fonts of graphiql.css (checked in Chromium:
 * graphiql-browser.integration.test.ts; Monaco's workers load from 'self').
 */
function graphiqlCsp(scriptHashes: readonly string[]): Csp {
  return {
    ...APP_CSP,
    "script-src": ["'self'", ...scriptHashes.map((hash) => `'sha256-${hash}'`)],
    "style-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'", "data:"],
  };
}

export const serializeCsp = (csp: Csp) =>
  Object.entries(csp)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join("; ");

const withHsts = (headers: HeaderSet, production: boolean): HeaderSet => (production ? { ...headers, ...HSTS } : headers);

/** Every page and file of the web app (the SPA fallback's index.html included). */
export function appHeaders(production: boolean): HeaderSet {
  return withHsts(
    {
      "Content-Security-Policy": serializeCsp(APP_CSP),
      ...BASE_HEADERS,
      "Cross-Origin-Opener-Policy": "same-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    },
    production,
  );
}

/** The Worker's JSON and other non-HTML answers. */
export function dataHeaders(production: boolean): HeaderSet {
  return withHsts({ "Content-Security-Policy": serializeCsp(DATA_CSP), ...BASE_HEADERS }, production);
}

/** GraphiQL's page, whose inline scripts have these base64 SHA-256 hashes. */
export function graphiqlHeaders(scriptHashes: readonly string[], production: boolean): HeaderSet {
  return withHsts({ "Content-Security-Policy": serializeCsp(graphiqlCsp(scriptHashes)), ...BASE_HEADERS }, production);
}

/** The base64 SHA-256 of each inline <script> of a page, as CSP's 'sha256-…' sources name them. */
export async function inlineScriptHashes(html: string): Promise<string[]> {
  const bodies = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  return Promise.all(
    bodies.map(async (body) => {
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
      return btoa(String.fromCharCode(...new Uint8Array(digest)));
    }),
  );
}

/**
 * The one HTML page the Worker serves is GraphiQL's, the same for every request of an
 * isolate: its hashes are computed once, then reused while the page stays the same.
 */
let graphiqlPage: { html: string; hashes: Promise<string[]> } | undefined;
function hashesOfPage(html: string): Promise<string[]> {
  if (graphiqlPage?.html !== html) graphiqlPage = { html, hashes: inlineScriptHashes(html) };
  return graphiqlPage.hashes;
}

/** Sets each header of the set on the response (one the Worker made: its headers are mutable). */
export function stampHeaders(response: Response, headers: HeaderSet): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Stamps every response of the Worker, errors and 404s included, with its header set; HSTS in production. */
export function securityHeaders(): MiddlewareHandler<{ Variables: { config: GatewayConfig } }> {
  return async (c, next) => {
    await next();
    const production = c.get("config").ENVIRONMENT === "production";
    const html = c.res.headers.get("content-type")?.startsWith("text/html");
    const headers = html ? graphiqlHeaders(await hashesOfPage(await c.res.clone().text()), production) : dataHeaders(production);
    stampHeaders(c.res, headers);
  };
}
