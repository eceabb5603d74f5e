/**
 * The market pages (web.md: /, /search, /stocks/:symbol, /watchlist) in Chromium against the
 * real platform, by role and accessible name, with axe and a screenshot on every page. Needs
 * `npx vite build -c web/vite.config.ts` first (the harness snapshots the assets at start).
 * Prints the POST /graphql count of each page load (the one-request-per-page budget).
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signUp, type SignedIn } from "../../workers/gateway/test/support/graphql-client.ts";
import { apiRequests, auditPage, openWebSession, signInThroughForm, type WebSession } from "./support/browser.ts";

let web: WebSession;
let page: Page;
let user: SignedIn;
const graphqlRequests: Record<string, number> = {};

beforeAll(async () => {
  web = await openWebSession();
  page = web.page;
  user = await signUp(web.platform, "market");
});

afterEach(() => {
  expect(web.offOrigin).toEqual([]);
  expect(web.consoleErrors).toEqual([]);
});

afterAll(async () => {
  console.log("POST /graphql per page load:", graphqlRequests);
  await web?.stop();
});

const at = (path: string) => `${web.origin}${path}`;

/** Counts the POST /graphql of `action` (a page load, a click) until `ready` and the network rest. */
async function counting(name: string, action: () => Promise<unknown>, ready: () => Promise<unknown>): Promise<number> {
  const { graphql } = await apiRequests(page, async () => {
    await action();
    await ready();
  });
  graphqlRequests[name] = graphql;
  return graphql;
}

const load = (name: string, path: string, ready: () => Promise<unknown>) => counting(name, () => page.goto(at(path)), ready);

const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const searchField = () => page.getByRole("searchbox", { name: "Search stocks" });
const chart = () => page.getByRole("img", { name: /price chart/i });
const watchlistTable = () => page.getByRole("table", { name: "Watchlist" });

/** True when one of the chart's canvases has a painted pixel. */
const chartIsDrawn = () =>
  chart().evaluate((element) =>
    [...element.querySelectorAll("canvas")].some((canvas) => {
      if (!canvas.width || !canvas.height) return false;
      const pixels = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) return true;
      return false;
    }),
  );

describe("market pages in Chromium", () => {
  it("/ signed out: the landing page with Sign in and Create account, no navigation", async () => {
    expect(await load("/ (signed out)", "/", () => heading("Fafnir").waitFor())).toBe(1);
    expect(await page.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/sign-in");
    expect(await page.getByRole("link", { name: "Create account" }).getAttribute("href")).toBe("/sign-up");
    expect(await page.getByRole("navigation").count()).toBe(0);
    expect(await searchField().count()).toBe(0);
    expect(await auditPage(page, "market-landing")).toEqual([]);
  });

  it("/ signed in: the dashboard greets by name; an empty watchlist points to search", async () => {
    await signInThroughForm(page, web.origin, user.email, "a long unusual passphrase 42");
    await page.waitForURL(at("/"));
    await heading("Hello, Test").waitFor();
    expect(await load("/ (dashboard, empty)", "/", () => heading("Hello, Test").waitFor())).toBe(1);
    await page.getByText("Nothing on your watchlist yet").waitFor();
    expect(await page.getByRole("main").getByRole("link", { name: "Search stocks" }).getAttribute("href")).toBe("/search");
    await page.getByRole("navigation").getByRole("button", { name: "Sign out" }).waitFor();
    expect(await auditPage(page, "market-dashboard-empty")).toEqual([]);
  });

  it("search: type into Search stocks, submit, follow a result to its stock page", async () => {
    await searchField().fill("micro");
    const count = await counting(
      "/search?q=micro (submitted)",
      () => searchField().press("Enter"),
      () => page.getByRole("link", { name: /^MSFT Microsoft/ }).waitFor(),
    );
    expect(count).toBe(1);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/search?q=micro");
    expect(await searchField().count()).toBe(1);
    expect(await searchField().inputValue()).toBe("micro");
    await page.getByRole("status").filter({ hasText: /match “micro”/ }).waitFor();
    expect(await auditPage(page, "market-search-results")).toEqual([]);
    await page.getByRole("link", { name: /^MSFT Microsoft/ }).click();
    await heading(/^MSFT Microsoft/).waitFor();
    expect(new URL(page.url()).pathname).toBe("/stocks/MSFT");
    expect(await searchField().inputValue()).toBe("");
  });

  it("/search?q=micro opens with the query and its results; no query gives a hint; no match says so", async () => {
    expect(await load("/search?q=micro", "/search?q=micro", () => page.getByRole("link", { name: /^MSFT Microsoft/ }).waitFor())).toBe(1);
    expect(await searchField().inputValue()).toBe("micro");
    expect(await page.getByRole("link", { name: /^MSFT Microsoft/ }).getAttribute("href")).toBe("/stocks/MSFT");

    expect(await load("/search (empty)", "/search", () => page.getByText(/Type a symbol or a company name/).waitFor())).toBe(1);
    await expect.poll(() => searchField().evaluate((field) => field === document.activeElement)).toBe(true);
    expect(await page.getByRole("link", { name: /Microsoft/ }).count()).toBe(0);
    expect(await auditPage(page, "market-search-empty")).toEqual([]);

    await load("/search?q=qqqqqq", "/search?q=qqqqqq", () => page.getByRole("status").filter({ hasText: "No stocks match “qqqqqq”" }).waitFor());
    await searchField().fill("x".repeat(65));
    await searchField().press("Enter");
    await page.getByRole("searchbox", { name: "Search stocks", description: /at most 64 characters/ }).waitFor();
    expect(new URL(page.url()).search).toBe("?q=qqqqqq");
    expect(await auditPage(page, "market-search-none")).toEqual([]);
  });

  it("/stocks/AAPL: heading, labelled Price and Change, the chart drawn for every period, the watchlist button both ways", async () => {
    expect(await load("/stocks/AAPL", "/stocks/AAPL", () => chart().locator("canvas").first().waitFor())).toBe(1);
    await heading(/^AAPL Apple/).waitFor();
    expect(await page.getByLabel("Price", { exact: true }).innerText()).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(await page.getByLabel("Change", { exact: true }).innerText()).toMatch(/\$[\d,]+\.\d\d \([+-]?[\d.]+%\)$/);
    expect(await chart().getAttribute("aria-label")).toMatch(/^AAPL price chart, 1 month: \d+ daily closes/);
    await expect.poll(chartIsDrawn).toBe(true);
    expect(await page.getByRole("link", { name: "TradingView" }).getAttribute("href")).toBe("https://www.tradingview.com/");
    expect(await auditPage(page, "market-stock")).toEqual([]);

    const labels: Record<string, string> = {};
    const buttons = [["1D", "1 day"], ["5D", "5 days"], ["6M", "6 months"], ["1Y", "1 year"], ["5Y", "5 years"], ["1M", "1 month"]] as const;
    for (const [button, name] of buttons) {
      const period = page.getByRole("button", { name: button, exact: true });
      await counting(`/stocks/AAPL chart ${button}`, () => period.click(), () => expect.poll(() => chart().getAttribute("aria-label")).toContain(`, ${name}:`));
      expect(await period.getAttribute("aria-pressed")).toBe("true");
      expect(await page.getByRole("button", { pressed: true }).count()).toBe(1);
      expect(await chart().getAttribute("aria-busy")).toBe("false");
      await expect.poll(chartIsDrawn).toBe(true);
      labels[button] = (await chart().getAttribute("aria-label"))!;
    }
    console.log("chart names", labels);
    expect(labels["1D"]).toMatch(/1 day: closed at \$/);
    expect(new Set(Object.values(labels)).size).toBe(6);
    // 1M came with the page's query: choosing it again asks for nothing.
    expect(graphqlRequests["/stocks/AAPL chart 1M"]).toBe(0);

    const add = page.getByRole("button", { name: "Add to watchlist" });
    const remove = page.getByRole("button", { name: "Remove from watchlist" });
    await add.click();
    await remove.waitFor();
    await page.getByRole("status").filter({ hasText: "AAPL is on your watchlist." }).waitFor();
    await remove.click();
    await add.waitFor();
    await add.click();
    await remove.waitFor();
    await page.reload();
    await remove.waitFor();
    expect(await auditPage(page, "market-stock-watched")).toEqual([]);
  });

  it("the stock page and the dashboard pass axe in the dark scheme too", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    try {
      await page.goto(at("/stocks/AAPL"));
      await expect.poll(chartIsDrawn).toBe(true);
      expect(await auditPage(page, "market-stock-dark")).toEqual([]);
      await page.goto(at("/"));
      await watchlistTable().waitFor();
      expect(await auditPage(page, "market-dashboard-dark")).toEqual([]);
    } finally {
      await page.emulateMedia({ colorScheme: "light" });
    }
  });

  it("/ signed in: the watchlist with prices after adding one", async () => {
    expect(await load("/ (dashboard)", "/", () => watchlistTable().waitFor())).toBe(1);
    const row = watchlistTable().getByRole("row", { name: /AAPL/ });
    expect(await row.getByRole("link", { name: "AAPL" }).getAttribute("href")).toBe("/stocks/AAPL");
    expect(await row.innerText()).toMatch(/Apple[\s\S]*\$[\d,]+\.\d\d[\s\S]*\([+-]?[\d.]+%\)/);
    expect(await page.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
    expect(await auditPage(page, "market-dashboard")).toEqual([]);
  });

  it("/watchlist: a row per symbol; Remove updates the table without a reload", async () => {
    await page.goto(at("/stocks/MSFT"));
    await page.getByRole("button", { name: "Add to watchlist" }).click();
    await page.getByRole("button", { name: "Remove from watchlist" }).waitFor();

    expect(await load("/watchlist", "/watchlist", () => watchlistTable().getByRole("row", { name: /MSFT/ }).waitFor())).toBe(1);
    await heading("Watchlist").waitFor();
    const rows = watchlistTable().getByRole("row");
    expect(await rows.count()).toBe(3);
    for (const symbol of ["AAPL", "MSFT"]) {
      const row = watchlistTable().getByRole("row", { name: new RegExp(symbol) });
      expect(await row.getByRole("rowheader").getByRole("link").getAttribute("href")).toBe(`/stocks/${symbol}`);
      expect((await row.getByRole("cell").allInnerTexts()).slice(0, 3)).toEqual([
        expect.stringMatching(/Apple|Microsoft/),
        expect.stringMatching(/^\$[\d,]+\.\d\d/),
        expect.stringMatching(/\([+-]?[\d.]+%\)$/),
      ]);
      expect(await row.getByRole("button", { name: `Remove ${symbol}`, exact: true }).count()).toBe(1);
    }
    expect(await auditPage(page, "market-watchlist")).toEqual([]);

    const loads: string[] = [];
    page.on("framenavigated", (frame) => loads.push(frame.url()));
    const removed = await counting(
      "/watchlist Remove AAPL",
      () => page.getByRole("button", { name: "Remove AAPL" }).click(),
      () => watchlistTable().getByRole("row", { name: /AAPL/ }).waitFor({ state: "detached" }),
    );
    expect(removed).toBe(1);
    expect(await rows.count()).toBe(2);
    await page.getByRole("status").filter({ hasText: "Removed AAPL from your watchlist." }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Remove MSFT");

    await page.keyboard.press("Enter");
    await page.getByText("Your watchlist is empty.").waitFor();
    expect(await watchlistTable().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    expect(loads).toEqual([]);
    expect(await auditPage(page, "market-watchlist-empty")).toEqual([]);
  });

  it("/stocks/ of an unknown or malformed symbol: Not found", async () => {
    expect(await load("/stocks/ZZZZZZ", "/stocks/ZZZZZZ", () => heading("Not found").waitFor())).toBe(1);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await auditPage(page, "market-stock-not-found")).toEqual([]);
    await page.goto(at("/stocks/not%20a%20symbol!"));
    await heading("Not found").waitFor();
  });
});
