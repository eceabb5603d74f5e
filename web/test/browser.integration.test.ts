/**
 * SPIKE: the built app in Debian's Chromium against the real platform, the gateway in
 * allow-list mode, the network cut to the platform's origin; CSP violations, off-origin
 * requests and axe (WCAG 2.1 A/AA) recorded. Needs `npx vite build -c web/vite.config.ts`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../scripts/testing/platform.ts";
import { signUp } from "../../workers/gateway/test/support/graphql-client.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let platform: Platform;
let origin: string;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const offOrigin: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  platform = await startPlatform({ vars: { gateway: { GRAPHQL_PERSISTED_QUERIES: "allow-list" } } });
  origin = (await platform.harness.listen()).url.origin;
  userDataDir = mkdtempSync(join(tmpdir(), "fafnir-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = context.pages()[0] ?? (await context.newPage());
  await context.route("**", (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    offOrigin.push(route.request().url());
    return route.abort();
  });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
});

afterAll(async () => {
  await context?.close();
  await platform?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function axe(page: Page): Promise<{ id: string; nodes: number }[]> {
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  );
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
}

describe("web app in Chromium (spike)", () => {
  it("renders / with the health query by hash, under the CSP, with nothing off-origin and no axe violation", async () => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    const graphql = page.waitForRequest((request) => request.url().endsWith("/graphql"));
    await page.goto(`${origin}/`);
    await expect.poll(() => page.getByRole("status").innerText(), { timeout: 15_000 }).toBe("Platform: ok");
    const body = (await graphql).postDataJSON() as Record<string, unknown>;
    console.log("requests", requests, "graphql body", JSON.stringify(body));
    expect(body).not.toHaveProperty("query");
    const violations = await axe(page);
    console.log("axe", violations, "console errors", consoleErrors, "off-origin", offOrigin);
    mkdirSync("dist/web-screenshots", { recursive: true });
    await page.screenshot({ path: "dist/web-screenshots/home.png" });
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it("routes an unknown path client-side to Page not found", async () => {
    await page.goto(`${origin}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor({ timeout: 10_000 });
    expect(await axe(page)).toEqual([]);
  });

  it("cookie mode: without the access cookie, one silent refresh (CSRF header) and the retry succeed", async () => {
    const user = await signUp(platform, "web");
    await page.goto(`${origin}/no/such/page`);
    const login = await page.evaluate(
      async (email) =>
        (
          await fetch("/auth/login", {
            method: "POST",
            credentials: "same-origin",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ email, password: "a long unusual passphrase 42" }),
          })
        ).status,
      user.email,
    );
    expect(login).toBe(200);
    const cookies = await context.cookies();
    console.log("cookies", cookies.map((c) => `${c.name} path=${c.path} httpOnly=${c.httpOnly} secure=${c.secure} sameSite=${c.sameSite}`));
    expect(await page.evaluate(() => document.cookie)).not.toContain("fafnir_access");
    await context.clearCookies({ name: "fafnir_access" });
    const calls: string[] = [];
    const onResponse = (response: { url(): string; status(): number; request(): { method(): string; headers(): Record<string, string> } }) => {
      const path = new URL(response.url()).pathname;
      if (path === "/graphql" || path.startsWith("/auth/"))
        calls.push(`${response.request().method()} ${path} ${response.status()} csrf=${response.request().headers()["x-csrf-token"] ? "yes" : "no"}`);
    };
    page.on("response", onResponse);
    await page.goto(`${origin}/stocks/AAPL`);
    await page.getByRole("heading", { level: 1, name: /AAPL .+/ }).waitFor({ timeout: 15_000 });
    page.off("response", onResponse);
    console.log("calls", calls, "heading", await page.getByRole("heading", { level: 1 }).innerText());
    expect(calls.filter((c) => c.includes("/auth/refresh"))).toHaveLength(1);
  });

  it("loads the chart lazily; its built-in logo breaks the CSP, the page's own attribution does not", async () => {
    consoleErrors.length = 0;
    const scripts: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().endsWith(".js")) scripts.push(new URL(request.url()).pathname);
    };
    page.on("request", onRequest);
    await page.goto(`${origin}/stocks/AAPL`);
    await page.getByRole("img", { name: /price chart/i }).locator("canvas").first().waitFor({ timeout: 10_000 });
    console.log("chart scripts", scripts, "console errors", consoleErrors);
    expect(scripts.some((s) => s.includes("PriceChart"))).toBe(true);
    expect(consoleErrors).toEqual([]);
    const violations = await axe(page);
    console.log("axe on chart page", violations);
    await page.screenshot({ path: "dist/web-screenshots/stock.png" });
    await page.goto(`${origin}/stocks/AAPL?logo=1`);
    await page.locator("#tv-attr-logo").waitFor({ state: "attached", timeout: 10_000 });
    await expect.poll(() => consoleErrors.join("\n")).toMatch(/Content Security Policy/);
    console.log("with the library's logo", consoleErrors);
    page.off("request", onRequest);
    expect(violations).toEqual([]);
  });
});
