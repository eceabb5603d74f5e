/**
 * GraphiQL in a real browser (Debian's Chromium through playwright-core) against the real
 * platform, with the network cut: every request that is not to the platform's loopback
 * origin is aborted, so GraphiQL must come from the gateway itself. Its page runs under the
 * gateway's CSP (inline scripts allowed by hash alone): the console must show no violation.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { signUp } from "./support/graphql-client.ts";

let platform: Platform;
let origin: string;
let browser: Browser;
let page: Page;
let userDataDir: string;
/** Console errors and uncaught page errors: a CSP violation is reported as one. */
const consoleErrors: string[] = [];

beforeAll(async () => {
  platform = await startPlatform();
  origin = (await platform.harness.listen()).url.origin;
  userDataDir = mkdtempSync(join(tmpdir(), "fafnir-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  browser = context.browser()!;
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await context.route("**", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
});

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await platform?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** An element's text, its whitespace as one space: Monaco draws spaces as no-break spaces. */
const textOf = async (selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, " ");

/**
 * Opens GraphiQL with `query` in its editor (GraphiQL reads ?query=), runs it with the
 * Execute button and waits for `expected` in the result pane.
 */
async function runInGraphiQL(query: string, expected: string): Promise<void> {
  await page.goto(`${origin}/graphql?query=${encodeURIComponent(query)}`);
  const execute = page.getByRole("button", { name: "Execute query" });
  await execute.waitFor({ timeout: 20_000 });
  await expect.poll(() => textOf(".graphiql-query-editor")).toContain(query);
  await execute.click();
  await expect.poll(() => textOf(".graphiql-response"), { timeout: 10_000 }).toContain(expected);
}

describe("GraphiQL at /graphql, offline", () => {
  it("renders from the gateway's own assets and runs a query, under its CSP without a violation", async () => {
    await runInGraphiQL("{ health { status } }", '"status": "ok"');
    const response = await page.request.get(`${origin}/graphql`, { headers: { accept: "text/html" } });
    expect(response.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
    expect(consoleErrors).toEqual([]);
  });

  it("runs a cookie-signed query for a browser signed in by cookie (X-CSRF-Token from the cookie)", async () => {
    const user = await signUp(platform, "graphiql");
    await page.goto(`${origin}/graphql`);
    const status = await page.evaluate(
      async (email) =>
        (
          await fetch("/auth/login", {
            method: "POST",
            credentials: "include",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ email, password: "a long unusual passphrase 42" }),
          })
        ).status,
      user.email,
    );
    expect(status).toBe(200);
    await runInGraphiQL("{ me { email } }", user.email);
    expect(consoleErrors).toEqual([]);
  });
});
