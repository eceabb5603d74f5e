/**
 * The web app in Debian's Chromium against the real platform (the five Workers serving the
 * built app, the gateway in allow-list mode). Every request off the platform's origin is
 * aborted and recorded, as is every console error (CSP violations among them): a test
 * asserts both lists empty. axe runs the WCAG 2.1 A/AA rules; screenshots land in
 * dist/web-screenshots/ (not committed).
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page, type Request } from "playwright-core";
import { startPlatform, type Platform, type PlatformOptions } from "../../../scripts/testing/platform.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const SCREENSHOTS = "dist/web-screenshots";

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

export interface WebSession {
  platform: Platform;
  origin: string;
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to reach off the origin (all aborted). */
  offOrigin: string[];
  /** console.error lines and uncaught page errors, but for the auth API's refusals. */
  consoleErrors: string[];
  /**
   * The auth API's 4xx answers, which Chromium logs as console errors ("Failed to load
   * resource"): a wrong password or a taken email is the API working, not the app failing.
   */
  authRefusals: string[];
  /** A fresh page in a fresh context (no cookies), recorded like the first. */
  newContext(): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

const AUTH_REFUSAL = /^Failed to load resource: the server responded with a status of 4\d\d/;

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export async function openWebSession(options: PlatformOptions = {}): Promise<WebSession> {
  const platform = await startPlatform({
    ...options,
    vars: { ...options.vars, gateway: { GRAPHQL_PERSISTED_QUERIES: "allow-list", ...options.vars?.gateway } },
  });
  const origin = (await platform.harness.listen()).url.origin;
  const userDataDir = mkdtempSync(join(tmpdir(), "fafnir-chromium-"));
  const persistent = await chromium.launchPersistentContext(userDataDir, { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const browser = persistent.browser();
  const offOrigin: string[] = [];
  const consoleErrors: string[] = [];
  const authRefusals: string[] = [];
  const contexts: BrowserContext[] = [persistent];

  const record = async (context: BrowserContext) => {
    await context.route("**", (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      offOrigin.push(route.request().url());
      return route.abort();
    });
    const watch = (page: Page) => {
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const source = message.location().url ? new URL(message.location().url) : undefined;
        const refusal = source?.origin === origin && source.pathname.startsWith("/auth/") && AUTH_REFUSAL.test(message.text());
        (refusal ? authRefusals : consoleErrors).push(`${refusal ? source.pathname : page.url()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    };
    context.pages().forEach(watch);
    context.on("page", watch);
  };
  await record(persistent);
  const page = persistent.pages()[0] ?? (await persistent.newPage());

  return {
    platform,
    origin,
    context: persistent,
    page,
    offOrigin,
    consoleErrors,
    authRefusals,
    async newContext() {
      // A persistent context has no browser handle; a second launch keeps contexts apart.
      const context = browser ? await browser.newContext() : await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "fafnir-chromium-")), { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
      contexts.push(context);
      await record(context);
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    },
    async stop() {
      for (const context of contexts.reverse()) await context.close().catch(() => undefined);
      await platform.stop();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // page.evaluate goes through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (
      globalThis as unknown as {
        axe: { run(options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

/** A full-page screenshot, for a person to look at (dist/ is not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * A page's audit: axe's violations (also appended to dist/web-axe.jsonl, one line per page
 * and run, for the per-page counts) and a screenshot. Returns the violations to assert on.
 */
export async function auditPage(page: Page, name: string): Promise<AxeViolation[]> {
  const violations = await axe(page);
  mkdirSync("dist", { recursive: true });
  appendFileSync("dist/web-axe.jsonl", `${JSON.stringify({ page: name, path: new URL(page.url()).pathname, violations: violations.length, ids: violations.map((v) => v.id) })}\n`);
  await screenshot(page, name);
  return violations;
}

export interface ApiRequests {
  /** POST /graphql requests. */
  graphql: number;
  /** Auth API calls, "POST /auth/login". */
  auth: string[];
  /** Every API request, with whether it carried X-CSRF-Token. */
  all: { method: string; path: string; csrf: boolean }[];
}

/**
 * The API requests (/graphql, /auth/*) a page load or a click costs: recorded from `step`
 * until none has been in flight for a second (networkidle does not apply to a click).
 * Live streams (EventSource) stay open by design, so they are neither counted nor awaited.
 */
export async function apiRequests(page: Page, step: () => Promise<unknown>): Promise<ApiRequests> {
  const seen: ApiRequests = { graphql: 0, auth: [], all: [] };
  let inFlight = 0;
  let lastActivity = Date.now();
  const api = (request: Request) => {
    if (request.resourceType() === "eventsource") return undefined;
    const path = new URL(request.url()).pathname;
    return path === "/graphql" || path.startsWith("/auth/") ? path : undefined;
  };
  const started = (request: Request) => {
    const path = api(request);
    if (!path) return;
    const method = request.method();
    seen.all.push({ method, path, csrf: Boolean(request.headers()["x-csrf-token"]) });
    if (path === "/graphql" && method === "POST") seen.graphql += 1;
    if (path.startsWith("/auth/")) seen.auth.push(`${method} ${path}`);
    inFlight += 1;
    lastActivity = Date.now();
  };
  const ended = (request: Request) => {
    if (!api(request)) return;
    inFlight -= 1;
    lastActivity = Date.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  try {
    await step();
    while (inFlight > 0 || Date.now() - lastActivity < 1000) await page.waitForTimeout(100);
  } finally {
    page.off("request", started);
    page.off("requestfinished", ended);
    page.off("requestfailed", ended);
  }
  return seen;
}

/** Signs in through the app's own form, as a person does (`path` may carry a `next`). */
export async function signInThroughForm(page: Page, origin: string, email: string, password: string, path = "/sign-in"): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
