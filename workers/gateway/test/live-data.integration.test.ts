/**
 * Live data through the real Workers (live-data.md): GraphQL over SSE at the gateway, quotes
 * from stock's QuoteFeed objects with FMP (MSW in Node) first so a test moves prices, order
 * updates from the trading account's object, leases from auth.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../../scripts/testing/platform.ts";
import { HEARTBEAT_SECONDS } from "../src/graphql/live/heartbeat.ts";
import { platformWithFmpFirst } from "./support/fmp-quotes.ts";
import { graphql, signIn, signUp, type SignedIn } from "./support/graphql-client.ts";
import { subscribe, type SseEvent, type Subscription } from "./support/sse.ts";

const { fmp, platform: started } = platformWithFmpFirst();
let platform: Platform;
beforeAll(() => {
  platform = started();
});

const QUOTES = "subscription ($symbols: [String!]!) { quotes(symbols: $symbols) { symbol quote { price asOf source } } }";
const ORDERS = "subscription { orderUpdates { id symbol side type status quantity } }";

interface QuoteEvent {
  quotes: { symbol: string; quote: { price: number; asOf: string; source: string } };
}
interface OrderEvent {
  orderUpdates: { id: string; status: string };
}

const dataOf = <T>(event: SseEvent) => event.payload?.data as T;
const codeOf = (event: SseEvent) => event.payload?.errors?.[0]?.extensions?.code;

/** Waits for the first event after `from` that `match` accepts. */
async function eventWhere(stream: Subscription, match: (event: SseEvent) => boolean, from = 0, timeoutMs = 10_000): Promise<SseEvent> {
  for (let seen = from + 1; ; seen++) {
    const events = await stream.waitForEvents(seen, timeoutMs);
    if (match(events[seen - 1]!)) return events[seen - 1]!;
  }
}

async function trader(prefix: string): Promise<SignedIn> {
  const user = await signUp(platform, prefix);
  const opened = await graphql(platform, "mutation { openTradingAccount { id } }", { token: user.token });
  expect(opened.errors).toBeUndefined();
  return user;
}

async function placeOrder(user: SignedIn, input: Record<string, unknown>): Promise<string> {
  const placed = await graphql<{ placeOrder: { id: string } }>(platform, "mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }", {
    variables: { input },
    token: user.token,
  });
  expect(placed.errors).toBeUndefined();
  return placed.data!.placeOrder.id;
}

/** A refusal answers exactly one `next` with the error, then `complete`. */
async function refusal(stream: Subscription): Promise<string | undefined> {
  await stream.ended;
  expect(stream.events.map((e) => e.event)).toEqual(["next", "complete"]);
  return codeOf(stream.events[0]!);
}

describe("quotes(symbols)", () => {
  it("first carries the current quote of each symbol, a symbol written twice counting once", async () => {
    const user = await signUp(platform, "watcher");
    const stream = await subscribe(platform, QUOTES, { variables: { symbols: ["aapl", " AAPL ", "MSFT"] }, token: user.token });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain("text/event-stream");
    const first = (await stream.waitForEvents(2)).map((e) => dataOf<QuoteEvent>(e).quotes);
    const now = await graphql<{ stocks: { symbol: string; quote: { price: number } }[] }>(platform, '{ stocks(symbols: ["AAPL", "MSFT"]) { symbol quote { price } } }', {
      token: user.token,
    });
    expect(Object.fromEntries(first.map((u) => [u.symbol, u.quote.price]))).toEqual(Object.fromEntries(now.data!.stocks.map((s) => [s.symbol, s.quote.price])));
    expect(first.every((u) => u.quote.source === "fmp")).toBe(true);
    stream.close();
  });

  it("delivers a new quote within 2 s of the stock service serving it", async () => {
    const user = await signUp(platform, "mover");
    const stream = await subscribe(platform, QUOTES, { variables: { symbols: ["MSFT"] }, token: user.token });
    await stream.waitForEvents(1);
    fmp.setPrice("MSFT", 512.34);
    const moved = await eventWhere(stream, (e) => dataOf<QuoteEvent>(e)?.quotes.quote.price === 512.34);
    const served = fmp.served.find((s) => s.symbol === "MSFT" && s.price === 512.34)!;
    expect(moved.receivedAt - served.at).toBeLessThan(2_000);
    stream.close();
  });

  it("works as a browser's EventSource sends it: GET with the access cookie and no CSRF header", async () => {
    const user = await signUp(platform, "browser");
    const stream = await subscribe(platform, QUOTES, { variables: { symbols: ["AAPL"] }, cookie: `fafnir_access=${user.token}` });
    const [first] = await stream.waitForEvents(1);
    expect(dataOf<QuoteEvent>(first!).quotes.symbol).toBe("AAPL");
    stream.close();
  });

  it("refuses with one event then complete: BAD_USER_INPUT for none, 51, malformed or unknown symbols; UNAUTHENTICATED without a token", async () => {
    const user = await signUp(platform, "refused");
    const many = Array.from({ length: 51 }, (_, i) => `S${i}`);
    for (const symbols of [[], many, ["not a symbol!"], ["ZZZZQ"]]) {
      expect(await refusal(await subscribe(platform, QUOTES, { variables: { symbols }, token: user.token }))).toBe("BAD_USER_INPUT");
    }
    expect(await refusal(await subscribe(platform, QUOTES, { variables: { symbols: ["AAPL"] } }))).toBe("UNAUTHENTICATED");
    expect(await refusal(await subscribe(platform, ORDERS))).toBe("UNAUTHENTICATED");
  });
});

describe("orderUpdates", () => {
  it("streams a fill, a cancel and an expiry that other requests and the account's alarm caused", async () => {
    const user = await trader("streamer");
    const stream = await subscribe(platform, ORDERS, { token: user.token });
    const status = (id: string, wanted: string) => (e: SseEvent) => {
      const order = dataOf<OrderEvent>(e)?.orderUpdates;
      return order?.id === id && order.status === wanted;
    };
    const bought = await placeOrder(user, { symbol: "AAPL", side: "BUY", type: "MARKET", quantity: "1" });
    await eventWhere(stream, status(bought, "FILLED"));
    const canceled = await placeOrder(user, { symbol: "AAPL", side: "BUY", type: "LIMIT", quantity: "1", limitPrice: "1.00" });
    await eventWhere(stream, status(canceled, "OPEN"));
    const cancel = await graphql(platform, "mutation ($id: ID!) { cancelOrder(id: $id) { id } }", { variables: { id: canceled }, token: user.token });
    expect(cancel.errors).toBeUndefined();
    await eventWhere(stream, status(canceled, "CANCELED"));
    const expiring = await placeOrder(user, { symbol: "AAPL", side: "BUY", type: "LIMIT", quantity: "1", limitPrice: "1.00", timeInForce: "DAY" });
    await eventWhere(stream, status(expiring, "OPEN"));
    // What the account's alarm does at the session's close, run with a clock two days ahead.
    const env = (await platform.worker("trading").getEnv()) as { ACCOUNTS: { getByName(name: string): { expireDue(now: Date): Promise<unknown> } } };
    await env.ACCOUNTS.getByName(user.userId).expireDue(new Date(Date.now() + 2 * 86_400_000));
    await eventWhere(stream, status(expiring, "EXPIRED"));
    stream.close();
  });

  it("sends a `:` comment at least every 15 s while idle", { timeout: 40_000 }, async () => {
    const user = await trader("idle");
    const stream = await subscribe(platform, ORDERS, { token: user.token });
    const openedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 15_500));
    const gaps = [openedAt, ...stream.comments, Date.now()].slice(1).map((at, i, all) => at - (i === 0 ? openedAt : all[i - 1]!));
    expect(stream.comments.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...gaps)).toBeLessThan(15_000);
    stream.close();
  });
});

describe("the end of a stream", () => {
  const ended = async (stream: Subscription) => {
    const since = Date.now();
    await stream.ended;
    expect(stream.events.at(-1)?.event).toBe("complete");
    return Date.now() - since;
  };

  it("completes within 5 s of a logout", async () => {
    const user = await trader("leaver");
    const stream = await subscribe(platform, ORDERS, { token: user.token });
    const logout = await platform.fetch("/auth/logout", { method: "POST", headers: { authorization: `Bearer ${user.token}` } });
    expect(logout.status).toBe(204);
    expect(await ended(stream)).toBeLessThan(5_000);
  });

  it("completes within 5 s of a password change, for the other sessions only", async () => {
    const user = await trader("changer");
    const other = await signIn(platform, user.email);
    const kept = await subscribe(platform, QUOTES, { variables: { symbols: ["AAPL"] }, token: user.token });
    const revoked = await subscribe(platform, QUOTES, { variables: { symbols: ["AAPL"] }, token: other });
    const changed = await platform.fetch("/auth/password", {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: "a long unusual passphrase 42", newPassword: "another long passphrase 43" }),
    });
    expect(changed.status).toBe(204);
    expect(await ended(revoked)).toBeLessThan(5_000);
    expect(kept.events.at(-1)?.event).toBe("next");
    kept.close();
  });

  it("refuses a user's 6th open stream with RATE_LIMITED, and a closed one frees its slot", { timeout: 40_000 }, async () => {
    const user = await signUp(platform, "greedy");
    const open = () => subscribe(platform, QUOTES, { variables: { symbols: ["AAPL"] }, token: user.token });
    const five = await Promise.all(Array.from({ length: 5 }, open));
    await Promise.all(five.map((s) => s.waitForEvents(1)));
    const sixth = await open();
    expect(await refusal(sixth)).toBe("RATE_LIMITED");
    expect(sixth.events[0]!.payload?.errors?.[0]?.extensions?.["retryAfter"]).toBeGreaterThan(0);
    five[0]!.close();
    // The gateway learns that a client left when a write to it fails: the second heartbeat
    // (every HEARTBEAT_SECONDS) after it left cancels the stream and gives its lease back.
    const deadline = Date.now() + 4 * HEARTBEAT_SECONDS * 1000;
    let again = await open();
    while (codeOf((await again.waitForEvents(1))[0]!) === "RATE_LIMITED" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      again = await open();
    }
    expect(codeOf((await again.waitForEvents(1))[0]!)).toBeUndefined();
    for (const stream of [...five, again]) stream.close();
  });
});
