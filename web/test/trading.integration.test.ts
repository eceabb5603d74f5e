/**
 * The trading pages (web.md: the dashboard's account, the stock page's order ticket,
 * /portfolio, /orders, /leaderboard, the settings' switch) in Chromium against the real
 * platform (the trading Worker, its Durable Objects and queue included), by role and
 * accessible name, with axe and a screenshot on every page and state. The flows run in
 * order on one account, as a person would: open the account, buy, see the order and the
 * position, rest a limit order and cancel it, deposit, reset, join the leaderboard; then the
 * ticket by keyboard alone. Prints the POST /graphql count of each page load.
 */
import type { Locator, Page } from "playwright-core";
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
  user = await signUp(web.platform, "trading");
  await signInThroughForm(page, web.origin, user.email, "a long unusual passphrase 42");
  await page.waitForURL(`${web.origin}/`);
  // The dashboard's own query after signing in, answered before the first count starts.
  await page.getByRole("button", { name: "Open paper account" }).waitFor();
}, 180_000);

afterEach(() => {
  expect(web.offOrigin).toEqual([]);
  expect(web.consoleErrors).toEqual([]);
});

afterAll(async () => {
  console.log("POST /graphql per page load or action:", graphqlRequests);
  await web?.stop();
});

const at = (path: string) => `${web.origin}${path}`;
const MONEY = /^\$[\d,]+\.\d\d$/;

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
const figure = (name: string) => page.getByLabel(name, { exact: true });
const ticket = () => page.getByRole("form", { name: "Order ticket" });
const ordersTable = () => page.getByRole("table", { name: "Orders" });
const positionsTable = () => page.getByRole("table", { name: "Positions" });
const outcome = () => ticket().getByRole("status");

describe("trading pages in Chromium", () => {
  it("dashboard without an account: Open paper account; then equity, cash and today's change", async () => {
    const open = page.getByRole("button", { name: "Open paper account" });
    expect(await load("/ (no trading account)", "/", () => open.waitFor())).toBe(1);
    expect(await figure("Equity").count()).toBe(0);
    expect(await auditPage(page, "trading-dashboard-no-account")).toEqual([]);

    expect(await counting("/ Open paper account", () => open.click(), () => figure("Equity").waitFor())).toBe(1);
    expect(await figure("Equity").innerText()).toBe("$100,000.00");
    expect(await figure("Cash").innerText()).toBe("$100,000.00");
    expect(await figure("Today's change").innerText()).toBe("$0.00 (0.00%)");
    await page.getByText("No orders yet.").waitFor();
    expect(await auditPage(page, "trading-dashboard-opened")).toEqual([]);

    // The account is there on the next visit too, from the page's one query.
    expect(await load("/ (account, no orders)", "/", () => figure("Equity").waitFor())).toBe(1);
    expect(await open.count()).toBe(0);
  });

  it("stock page: a market buy fills at once, and the ticket says Filled with the price", async () => {
    expect(await load("/stocks/AAPL", "/stocks/AAPL", () => ticket().waitFor())).toBe(1);
    expect(await ticket().getByRole("radio", { name: "Buy" }).isChecked()).toBe(true);
    expect(await ticket().getByLabel("Limit price").count()).toBe(0);
    expect(await ticket().getByLabel("Stop price").count()).toBe(0);
    await ticket().getByLabel("Quantity").fill("3");
    await expect.poll(() => figure("Estimated cost").innerText()).toMatch(MONEY);
    expect(await auditPage(page, "trading-ticket")).toEqual([]);

    const place = () => ticket().getByRole("button", { name: "Place order" }).click();
    // The order, then the account's new buying power.
    expect(await counting("/stocks/AAPL Place order", place, () => outcome().filter({ hasText: /^Filled/ }).waitFor())).toBe(2);
    expect(await outcome().innerText()).toMatch(/^Filled: bought 3 AAPL at \$[\d,]+\.\d{2,4} \(\$[\d,]+\.\d\d\)\.$/);
    expect(await auditPage(page, "trading-ticket-filled")).toEqual([]);
  });

  it("stock page: the price fields follow the order type; a limit far below the price rests Open", async () => {
    const type = ticket().getByLabel("Order type");
    await type.selectOption({ label: "Stop" });
    expect(await ticket().getByLabel("Stop price").count()).toBe(1);
    expect(await ticket().getByLabel("Limit price").count()).toBe(0);
    await type.selectOption({ label: "Stop limit" });
    expect(await ticket().getByLabel("Stop price").count()).toBe(1);
    expect(await ticket().getByLabel("Limit price").count()).toBe(1);
    await type.selectOption({ label: "Limit" });
    expect(await ticket().getByLabel("Stop price").count()).toBe(0);

    // A mistake is tied to its field before anything is sent.
    await ticket().getByLabel("Limit price").fill("1.23456");
    await ticket().getByLabel("Quantity").fill("1");
    await ticket().getByRole("button", { name: "Place order" }).click();
    await page.getByRole("textbox", { name: "Limit price", description: /at most 4 decimal places/ }).waitFor();
    expect(await auditPage(page, "trading-ticket-invalid")).toEqual([]);

    await ticket().getByLabel("Limit price").fill("1");
    await ticket().getByLabel("Time in force").selectOption({ label: "GTC" });
    expect(await figure("Estimated cost").innerText()).toBe("$1.00");
    await ticket().getByRole("button", { name: "Place order" }).click();
    await outcome().filter({ hasText: /^Open/ }).waitFor();
    expect(await outcome().innerText()).toBe("Open: buy 1 AAPL with a limit of $1.00, waiting for its price.");
    expect(await auditPage(page, "trading-ticket-open")).toEqual([]);
  });

  it("stock page: a sell above the shares held is Rejected, in an alert, with the reason in words", async () => {
    await ticket().getByRole("radio", { name: "Sell" }).check();
    await ticket().getByText("You hold 3 AAPL, 3 available to sell.").waitFor();
    await ticket().getByLabel("Order type").selectOption({ label: "Market" });
    await ticket().getByLabel("Quantity").fill("5");
    await ticket().getByRole("button", { name: "Place order" }).click();
    const alert = ticket().getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Rejected: you do not have that many shares available to sell \(sell 5 AAPL\)\.$/);
    expect(await auditPage(page, "trading-ticket-rejected")).toEqual([]);
  });

  it("/orders: newest first with a status filter; Cancel ends the open order", async () => {
    expect(await load("/orders", "/orders", () => ordersTable().waitFor())).toBe(1);
    await heading("Orders").waitFor();
    const rows = ordersTable().getByRole("row");
    // The header row, then: the rejected sell, the open limit buy, the filled market buy.
    expect(await rows.count()).toBe(4);
    // Time, side, type, quantity, status, fill price (the symbol is the row header; the last cell holds Cancel).
    const cells = async (index: number) => (await rows.nth(index).getByRole("cell").allInnerTexts()).map((text) => text.trim()).slice(0, 6);
    expect(await cells(1)).toEqual([expect.any(String), "Sell", "Market", "5", expect.stringMatching(/^Rejected/), "—"]);
    expect(await cells(2)).toEqual([expect.any(String), "Buy", expect.stringMatching(/^Limit\s+limit \$1\.00$/), "1", "Open", "—"]);
    expect(await cells(3)).toEqual([expect.any(String), "Buy", "Market", "3", "Filled", expect.stringMatching(/^\$[\d,]+\.\d{2,4}$/)]);
    expect(await rows.nth(1).getByRole("rowheader").innerText()).toBe("AAPL");
    expect(await ordersTable().getByRole("button", { name: /^Cancel/ }).count()).toBe(1);
    expect(await auditPage(page, "trading-orders")).toEqual([]);

    const status = page.getByLabel("Status");
    expect(await counting("/orders filter Filled", () => status.selectOption({ label: "Filled" }), () => expect.poll(() => rows.count()).toBe(2))).toBe(1);
    expect((await cells(1))[4]).toBe("Filled");
    await status.selectOption({ label: "All" });
    await expect.poll(() => rows.count()).toBe(4);

    const cancel = ordersTable().getByRole("button", { name: "Cancel buy 1 AAPL" });
    expect(await counting("/orders Cancel", () => cancel.click(), () => page.getByRole("status").filter({ hasText: /^Canceled/ }).waitFor())).toBe(1);
    expect(await page.getByRole("status").filter({ hasText: /^Canceled/ }).innerText()).toBe(
      "Canceled: buy 1 AAPL with a limit of $1.00, because you canceled it.",
    );
    expect((await cells(2))[4]).toMatch(/^Canceled\s+you canceled it$/);
    expect(await ordersTable().getByRole("button", { name: /^Cancel/ }).count()).toBe(0);
    expect(await auditPage(page, "trading-orders-canceled")).toEqual([]);
    expect(await page.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);
  });

  it("/portfolio: the figures, the position, the equity chart; Deposit asks the amount; Reset account confirms", async () => {
    expect(await load("/portfolio", "/portfolio", () => positionsTable().waitFor())).toBe(1);
    await heading("Portfolio").waitFor();
    for (const name of ["Equity", "Cash", "Buying power"]) expect(await figure(name).innerText(), name).toMatch(MONEY);
    expect(await figure("Total return").innerText()).toMatch(/\$[\d,]+\.\d\d/);
    const row = positionsTable().getByRole("row", { name: /AAPL/ });
    const cells = (await row.getByRole("cell").allInnerTexts()).map((text) => text.trim());
    expect(cells[0]).toBe("3");
    expect(cells[1]).toMatch(/^\$[\d,]+\.\d{2,4}$/);
    expect(cells[2]).toMatch(/^\$[\d,]+\.\d\d/);
    expect(cells[3]).toMatch(/\$[\d,]+\.\d\d/);
    const chart = page.getByRole("img", { name: /equity chart/i });
    await chart.locator("canvas").first().waitFor();
    expect(await chart.getAttribute("aria-label")).toMatch(/^Equity chart, 1 month: /);
    expect(await auditPage(page, "trading-portfolio")).toEqual([]);

    const cashBefore = await figure("Cash").innerText();
    await page.getByRole("button", { name: "Deposit" }).click();
    const dialog = page.getByRole("dialog", { name: "Deposit paper cash" });
    await dialog.getByLabel("Amount").fill("0.001");
    await dialog.getByRole("button", { name: "Confirm deposit" }).click();
    await dialog.getByRole("textbox", { name: "Amount", description: /at most 2 decimal places/ }).waitFor();
    expect(await auditPage(page, "trading-portfolio-deposit")).toEqual([]);
    await dialog.getByLabel("Amount").fill("5000");
    const deposit = () => dialog.getByRole("button", { name: "Confirm deposit" }).click();
    expect(await counting("/portfolio Deposit", deposit, () => page.getByRole("status").filter({ hasText: /^Deposited \$5,000\.00/ }).waitFor())).toBe(1);
    expect(await dialog.count()).toBe(0);
    expect(await figure("Cash").innerText()).not.toBe(cashBefore);
    await expect.poll(() => page.getByRole("button", { name: "Deposit" }).evaluate((button) => button === document.activeElement)).toBe(true);

    await page.getByRole("button", { name: "Reset account" }).click();
    const confirm = page.getByRole("dialog", { name: "Reset your account?" });
    await confirm.waitFor();
    expect(await auditPage(page, "trading-portfolio-reset")).toEqual([]);
    await confirm.getByRole("button", { name: "Yes, reset my account" }).click();
    await page.getByRole("status").filter({ hasText: /^Your account has been reset/ }).waitFor();
    expect(await figure("Cash").innerText()).toBe("$100,000.00");
    expect(await figure("Equity").innerText()).toBe("$100,000.00");
    expect(await positionsTable().count()).toBe(0);
    await page.getByText("No positions yet.").waitFor();
    expect(await auditPage(page, "trading-portfolio-after-reset")).toEqual([]);
  });

  it("the dashboard shows the recent orders", async () => {
    expect(await load("/ (account, orders)", "/", () => page.getByRole("table", { name: "Recent orders" }).waitFor())).toBe(1);
    expect(await page.getByRole("table", { name: "Recent orders" }).getByRole("row").count()).toBe(4);
    expect(await page.getByRole("link", { name: "All orders" }).getAttribute("href")).toBe("/orders");
    expect(await auditPage(page, "trading-dashboard-orders")).toEqual([]);
  });

  it("settings: the leaderboard switch; the leaderboard lists the account once it is on", async () => {
    expect(await load("/settings", "/settings", () => page.getByRole("switch").waitFor())).toBe(1);
    const toggle = page.getByRole("switch", { name: "Show me on the leaderboard" });
    expect(await toggle.getAttribute("aria-checked")).toBe("false");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("true");
    await page.getByRole("status").filter({ hasText: /^You are on the leaderboard/ }).waitFor();
    expect(await auditPage(page, "trading-settings-switch-on")).toEqual([]);

    // The leaderboard may lag a visibility change by up to 60 seconds (trading.md): rather
    // than wait the minute out, run its cron once the queue has had a moment.
    expect(await load("/leaderboard", "/leaderboard", () => heading("Leaderboard").waitFor())).toBe(1);
    const table = page.getByRole("table", { name: "Leaderboard" });
    const deadline = Date.now() + 30_000;
    while ((await table.getByRole("row", { name: /Test t\./i }).count()) === 0 && Date.now() < deadline) {
      await page.waitForTimeout(1_000);
      await web.platform.worker("trading").scheduled({ cron: "* * * * *", scheduledTime: new Date() });
      await page.reload();
      await heading("Leaderboard").waitFor();
    }
    const cells = (await table.getByRole("row", { name: /Test t\./i }).getByRole("cell").allInnerTexts()).map((text) => text.trim());
    expect(cells.slice(0, 2)).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/%$/)]);
    expect(await auditPage(page, "trading-leaderboard")).toEqual([]);

    await page.goto(at("/settings"));
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("false");
  }, 120_000);

  it("the order ticket by keyboard alone (Tab, arrows, typing, Enter)", async () => {
    await page.goto(at("/stocks/MSFT"));
    const buy = ticket().getByRole("radio", { name: "Buy" });
    await buy.waitFor();
    const focused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
    for (let presses = 0; presses < 60 && !(await focused(buy)); presses += 1) await page.keyboard.press("Tab");
    expect(await focused(buy)).toBe(true);
    await page.keyboard.press("ArrowRight");
    expect(await ticket().getByRole("radio", { name: "Sell" }).isChecked()).toBe(true);
    await page.keyboard.press("ArrowLeft");
    expect(await buy.isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focused(ticket().getByLabel("Order type"))).toBe(true);
    await page.keyboard.press("ArrowDown");
    await ticket().getByLabel("Limit price").waitFor();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => ticket().getByLabel("Limit price").count()).toBe(0);
    await page.keyboard.press("Tab");
    expect(await focused(ticket().getByLabel("Quantity"))).toBe(true);
    await page.keyboard.type("2");
    await page.screenshot({ path: "dist/web-screenshots/trading-ticket-keyboard.png", fullPage: true });
    await page.keyboard.press("Enter");
    await outcome().filter({ hasText: /^Filled: bought 2 MSFT at \$/ }).waitFor();
  });

  it("the trading pages pass axe in the dark scheme too", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    try {
      const pages = [
        ["/", () => page.getByRole("table", { name: "Recent orders" }).waitFor()],
        ["/stocks/MSFT", () => ticket().getByRole("button", { name: "Place order" }).waitFor()],
        ["/orders", () => ordersTable().waitFor()],
        ["/portfolio", () => page.getByRole("img", { name: /equity chart/i }).locator("canvas").first().waitFor()],
        ["/leaderboard", () => heading("Leaderboard").waitFor()],
        ["/settings", () => page.getByRole("switch").waitFor()],
      ] as const;
      for (const [path, ready] of pages) {
        await page.goto(at(path));
        await ready();
        expect(await auditPage(page, `trading-dark${path.replaceAll("/", "-")}`), path).toEqual([]);
      }
    } finally {
      await page.emulateMedia({ colorScheme: "light" });
    }
  });
});
