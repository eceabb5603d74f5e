/**
 * The cookie session of the web app in Chromium (auth-api.md, web.md): no token is ever
 * readable by script; every POST carries X-CSRF-Token; an expired or refused access cookie
 * costs one silent refresh and the page loads; the navigation landmark on every signed-in
 * page, with Users for admins only.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signUp, signUpAdmin, type SignedIn } from "../../workers/gateway/test/support/graphql-client.ts";
import { apiRequests, auditPage, openWebSession, signInThroughForm, type WebSession } from "./support/browser.ts";

const PASSWORD = "a long unusual passphrase 42";
const NAV_LINKS = ["Dashboard", "Watchlist", "Portfolio", "Orders", "Leaderboard", "Settings"];

let web: WebSession;
let page: Page;
let member: SignedIn;

beforeAll(async () => {
  web = await openWebSession();
  page = web.page;
  member = await signUp(web.platform, "session");
});

afterEach(() => {
  expect(web.offOrigin).toEqual([]);
  expect(web.consoleErrors).toEqual([]);
});

afterAll(async () => {
  await web?.stop();
});

const apiCalls = async (step: () => Promise<unknown>) => (await apiRequests(page, step)).all;

const scriptReadableState = () =>
  page.evaluate(() => ({ cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage } }));

describe("the web app's cookie session", () => {
  it("signs in with HttpOnly token cookies only: script sees the CSRF cookie and nothing else", async () => {
    await signInThroughForm(page, web.origin, member.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    const state = await scriptReadableState();
    expect(state.cookie).toMatch(/^fafnir_csrf=[^;]+$/);
    expect(state.local).toEqual({});
    expect(state.session).toEqual({});
    const names = (await web.context.cookies()).map((c) => `${c.name}:${c.httpOnly}`).sort();
    expect(names).toEqual(["fafnir_access:true", "fafnir_csrf:false", "fafnir_refresh:true"]);
  });

  it("every POST carries X-CSRF-Token", async () => {
    const calls = await apiCalls(async () => {
      await page.goto(`${web.origin}/stocks/AAPL`);
      await page.getByRole("button", { name: "Add to watchlist" }).click();
      await page.getByRole("button", { name: "Remove from watchlist" }).click();
      await page.getByRole("button", { name: "Add to watchlist" }).waitFor();
    });
    expect(calls.filter((c) => c.method === "POST").length).toBeGreaterThanOrEqual(3);
    expect(calls.filter((c) => c.method === "POST" && !c.csrf)).toEqual([]);
  });

  it("an access cookie gone (expired): one silent refresh, and the page loads", async () => {
    await web.context.clearCookies({ name: "fafnir_access" });
    const calls = await apiCalls(async () => {
      await page.goto(`${web.origin}/watchlist`);
      await page.getByText(/watchlist is empty/i).waitFor();
    });
    expect(calls.filter((c) => c.path === "/auth/refresh")).toEqual([{ method: "POST", path: "/auth/refresh", csrf: true }]);
    expect(calls.filter((c) => c.path === "/graphql")).toHaveLength(2);
  });

  it("an access cookie the gateway refuses (UNAUTHENTICATED): one silent refresh, and the page loads", async () => {
    const access = (await web.context.cookies()).find((c) => c.name === "fafnir_access")!;
    await web.context.addCookies([{ ...access, value: `${access.value.slice(0, -4)}AAAA` }]);
    const calls = await apiCalls(async () => {
      await page.goto(`${web.origin}/stocks/MSFT`);
      await page.getByRole("heading", { level: 1, name: /MSFT/ }).waitFor();
    });
    expect(calls.filter((c) => c.path === "/auth/refresh")).toHaveLength(1);
  });

  it("a session that cannot be refreshed ends at /sign-in, and is not retried on the next page", async () => {
    await web.context.clearCookies({ name: "fafnir_access" });
    await web.context.clearCookies({ name: "fafnir_refresh" });
    const first = await apiCalls(async () => {
      await page.goto(`${web.origin}/settings`);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
    });
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(first.filter((c) => c.path === "/auth/refresh")).toHaveLength(1);
    const second = await apiCalls(async () => {
      await page.goto(`${web.origin}/watchlist`);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
    });
    expect(second.filter((c) => c.path === "/auth/refresh")).toEqual([]);
  });

  it("every signed-in page has the navigation landmark; Users only for admins; the trading links lead to their pages", async () => {
    await signInThroughForm(page, web.origin, member.email, PASSWORD);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of NAV_LINKS) await nav.getByRole("link", { name, exact: true }).waitFor();
    expect(await nav.getByRole("link", { name: "Users" }).count()).toBe(0);
    await nav.getByRole("button", { name: "Sign out" }).waitFor();
    for (const [name, path] of [["Portfolio", "/portfolio"], ["Orders", "/orders"], ["Leaderboard", "/leaderboard"]] as const) {
      await nav.getByRole("link", { name, exact: true }).click();
      await page.getByRole("heading", { level: 1, name }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
      expect(await auditPage(page, `nav-${name.toLowerCase()}`)).toEqual([]);
    }

    const admin = await signUpAdmin(web.platform);
    const { page: adminPage } = await web.newContext();
    await signInThroughForm(adminPage, web.origin, admin.email, PASSWORD);
    const adminNav = adminPage.getByRole("navigation", { name: "Main" });
    await adminNav.getByRole("link", { name: "Users" }).click();
    await adminPage.getByRole("table", { name: "Users" }).waitFor();
  });
});
