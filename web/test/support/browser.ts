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
import { chromium, type BrowserContext, type Page } from "playwright-core";
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
  /** console.error lines and uncaught page errors. */
  consoleErrors: string[];
  /** A fresh page in a fresh context (no cookies), recorded like the first. */
  newContext(): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

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
  const contexts: BrowserContext[] = [persistent];

  const record = async (context: BrowserContext) => {
    await context.route("**", (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      offOrigin.push(route.request().url());
      return route.abort();
    });
    const watch = (page: Page) => {
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
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

/** Signs in through the app's own form, as a person does. */
export async function signInThroughForm(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
