/**
 * Live data in Chromium (web.md "Live", live-data.md): the stock page's price follows the
 * `quotes` subscription without a reload, and the "not live" status shows while the stream
 * is down and goes once it is back. The quotes are FMP's, mocked by MSW in Node (where the
 * harness sends the Workers' outbound fetches) with a price the test moves; a freshness of
 * 1 s makes the stock service ask again each second. Needs `npx vite build -c
 * web/vite.config.ts` first (the harness snapshots the assets at start).
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import batchQuote from "../../workers/stock/src/providers/fixtures/fmp-batch-quote.json";
import { signUp, type SignedIn } from "../../workers/gateway/test/support/graphql-client.ts";
import { openWebSession, signInThroughForm, type WebSession } from "./support/browser.ts";

const FMP = "https://financialmodelingprep.com/stable";
const [aapl] = batchQuote;

/** What FMP answers for AAPL now; each new price comes with a later timestamp, as FMP's would. */
let fmpQuote = { ...aapl! };
const movePrice = (price: number) => (fmpQuote = { ...fmpQuote, price, change: price - fmpQuote.previousClose, timestamp: fmpQuote.timestamp + 60 });

const answer = (request: Request) => {
  const url = new URL(request.url);
  const asked = (url.searchParams.get("symbols") ?? url.searchParams.get("symbol") ?? "").split(",");
  return HttpResponse.json(asked.includes("AAPL") ? [fmpQuote] : []);
};
const fmp = setupServer(
  http.get(`${FMP}/batch-quote`, ({ request }) => answer(request)),
  http.get(`${FMP}/quote`, ({ request }) => answer(request)),
);

let web: WebSession;
let page: Page;
let user: SignedIn;

beforeAll(async () => {
  fmp.listen({ onUnhandledFrame: "bypass" });
  web = await openWebSession({ vars: { stock: { QUOTE_PROVIDERS: "fmp,simulated", QUOTE_FRESHNESS_SECONDS: "1", FMP_API_KEY: "test-fmp-key" } } });
  page = web.page;
  user = await signUp(web.platform, "live");
  await signInThroughForm(page, web.origin, user.email, "a long unusual passphrase 42");
  await page.waitForURL(`${web.origin}/`);
});

afterEach(() => {
  expect(web.offOrigin).toEqual([]);
  expect(web.consoleErrors).toEqual([]);
});

afterAll(async () => {
  await web?.stop();
  fmp.close();
});

const price = () => page.getByLabel("Price", { exact: true });
const notLive = () => page.getByRole("status").filter({ hasText: "Prices are not live — reconnecting…" });
/** The live streams' GETs: `Accept: text/event-stream` on /graphql. */
const isStream = (url: URL): boolean => url.pathname === "/graphql" && url.searchParams.has("extensions");

/** A mark in the page's window that a reload would wipe out. */
const markPage = () => page.evaluate(() => ((window as { liveMark?: number }).liveMark = 42));
const pageMark = () => page.evaluate(() => (window as { liveMark?: number }).liveMark);

describe("live data in Chromium", () => {
  it("/stocks/AAPL: a new FMP price shows as the labelled Price within 5 s, without a reload", async () => {
    movePrice(268.56);
    await page.goto(`${web.origin}/stocks/AAPL`);
    await expect.poll(() => price().innerText(), { timeout: 5_000 }).toBe("$268.56");
    await markPage();
    movePrice(271.25);
    await expect.poll(() => price().innerText(), { timeout: 5_000, interval: 100 }).toBe("$271.25");
    movePrice(266.1);
    await expect.poll(() => price().innerText(), { timeout: 5_000, interval: 100 }).toBe("$266.10");
    expect(await pageMark()).toBe(42);
    expect(await notLive().count()).toBe(0);
  });

  it("shows 'Prices are not live — reconnecting…' while the stream is down, and follows prices again once it is back", async () => {
    await page.getByRole("button", { name: "Add to watchlist" }).click();
    await page.getByRole("button", { name: "Remove from watchlist" }).waitFor();
    // Every stream the page opens from now on is cut off at once, as a dropped connection is.
    await page.route(isStream, (route) => route.abort("connectionreset"));
    // Within the app (no reload): the watchlist opens its own stream, for AAPL.
    await page.getByRole("navigation").getByRole("link", { name: "Watchlist" }).click();
    await page.getByRole("table", { name: "Watchlist" }).waitFor();
    await notLive().waitFor({ timeout: 5_000 });
    movePrice(280.4);
    await page.unroute(isStream);
    // The next reconnection (1 s doubling, at most 30 s) finds the stream.
    await notLive().waitFor({ state: "detached", timeout: 35_000 });
    const apple = page.getByRole("row", { name: /AAPL/ });
    await expect.poll(() => apple.getByRole("cell").nth(1).innerText(), { timeout: 5_000, interval: 100 }).toBe("$280.40");
    expect(await pageMark()).toBe(42);
    // Chromium logs each cut-off stream as a failed load: the drops this test made.
    web.consoleErrors.splice(0, Infinity, ...web.consoleErrors.filter((line) => !line.includes("ERR_CONNECTION_RESET")));
  }, 60_000);
});
