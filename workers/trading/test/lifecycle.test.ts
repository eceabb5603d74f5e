/** trading.md "The account", expiry, the outbox and the cursor pages, through the door and the Durable Object in workerd. */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { TradingAccount } from "../src/account/account";
import { GTC_LIFETIME_MS, nextNewYorkClose } from "../src/account/expiry";
import type { TradingEvent } from "../src/events/event";
import { accountStub, ledgerBalance, limit, market, meta, ok, openedAccount, quoted, tableOf, withEnv, worker } from "./support";

const account = async (userId: string) => ok(await worker.account(meta, userId))!;
const inAccount = <T>(userId: string, fn: (instance: TradingAccount, state: DurableObjectState) => T | Promise<T>) => runInDurableObject(accountStub(userId), fn);

/** A queue stand-in that records what the account sends, failing the first `failures` sends. */
function recorder(failures = 0) {
  const sent: TradingEvent[] = [];
  let left = failures;
  return {
    sent,
    EVENTS: {
      sendBatch: async (messages: { body: TradingEvent }[]) => {
        if (left-- > 0) throw new Error("queue unavailable");
        sent.push(...messages.map((m) => m.body));
      },
      send: async (body: TradingEvent) => {
        sent.push(body);
      },
    },
  };
}

const outboxSize = async (userId: string) => Number((await tableOf(userId, "SELECT COUNT(*) AS n FROM outbox"))[0]!.n);

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("deposits", () => {
  it("rule: deposit adds 0.01 to 1,000,000.00 at a time, at most 2 decimals (else BAD_USER_INPUT, nothing changes)", async () => {
    const userId = await openedAccount();
    expect(ok(await worker.deposit(meta, userId, "0.01"))).toMatchObject({ cash: "100000.01", netDeposits: "100000.01" });
    expect(ok(await worker.deposit(meta, userId, "1000000.00"))).toMatchObject({ cash: "1100000.01", netDeposits: "1100000.01" });
    for (const amount of ["0", "0.00", "-5.00", "0.001", "1000000.01", "12.345", "1,000.00", " 5", "abc", 5]) {
      const answer = await worker.deposit(meta, userId, amount as string);
      expect(answer, String(amount)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "amount" }] } });
    }
    expect((await account(userId)).cash).toBe("1100000.01");
    const kinds = ok(await worker.activity(meta, userId, { first: 10 })).edges.map((e) => [e.node.kind, e.node.amount]);
    expect(kinds).toEqual([["DEPOSIT", "1000000.00"], ["DEPOSIT", "0.01"], ["OPENING_CASH", "100000.00"]]);
  });

  it("rule: a deposit may not take cash beyond 10,000,000.00 (BAD_USER_INPUT, nothing changes)", async () => {
    const userId = await openedAccount();
    for (let i = 0; i < 9; i++) ok(await worker.deposit(meta, userId, "1000000.00"));
    expect((await account(userId)).cash).toBe("9100000.00");
    const beyond = await worker.deposit(meta, userId, "900000.01");
    expect(beyond).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "amount" }] } });
    expect((await account(userId)).cash).toBe("9100000.00");
    expect(ok(await worker.deposit(meta, userId, "900000.00")).cash).toBe("10000000.00");
    const { cash, sum } = await ledgerBalance(userId);
    expect(sum).toBe(cash);
  });
});

describe("reset", () => {
  it("rule: resetTradingAccount cancels open orders (ACCOUNT_RESET), removes positions, restores cash and netDeposits to the starting cash, zeroes realizedPnl, writes a RESET entry; the history stays", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    ok(await worker.deposit(meta, userId, "500.00"));
    ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "10")));
    ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "2", { type: "MARKET" })));
    const open = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "50")));
    const openSell = ok(await worker.placeOrder(meta, userId, limit(symbol, "SELL", "1", "500")));
    const before = await account(userId);
    expect(before.cash).toBe("99700.00");
    const reset = ok(await worker.resetAccount(meta, userId));
    expect(reset).toMatchObject({ cash: "100000.00", buyingPower: "100000.00", netDeposits: "100000.00", realizedPnl: "0.00", positions: [] });
    expect(reset.resetAt).not.toBeNull();
    for (const id of [open.id, openSell.id]) expect(ok(await worker.order(meta, userId, id))).toMatchObject({ status: "CANCELED", reason: "ACCOUNT_RESET" });
    const entry = ok(await worker.activity(meta, userId, { first: 1 })).edges[0]!.node;
    expect(entry).toMatchObject({ kind: "RESET", amount: "300.00", cashAfter: "100000.00", order: null });
    expect(ok(await worker.orders(meta, userId, { first: 100 })).edges).toHaveLength(4);
    const { cash, sum } = await ledgerBalance(userId);
    expect(sum).toBe(cash);
  });
});

describe("leaderboard visibility", () => {
  it("rule: onLeaderboard is off until turned on; setLeaderboardVisibility turns it on and off (VISIBILITY_CHANGED)", async () => {
    const userId = await openedAccount();
    const events = recorder();
    await withEnv(userId, { EVENTS: events.EVENTS });
    expect((await account(userId)).onLeaderboard).toBe(false);
    expect(ok(await worker.setLeaderboardVisibility(meta, userId, true)).onLeaderboard).toBe(true);
    expect(ok(await worker.setLeaderboardVisibility(meta, userId, false)).onLeaderboard).toBe(false);
    await until(async () => events.sent.length === 2, "two events");
    expect(events.sent.map((e) => [e.kind, e.account?.onLeaderboard])).toEqual([["VISIBILITY_CHANGED", true], ["VISIBILITY_CHANGED", false]]);
    expect(await worker.setLeaderboardVisibility(meta, userId, "yes" as unknown as boolean)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "visible" }] } });
  });
});

describe("account removal", () => {
  it("rule: deleting the user deletes the trading account and everything in it (idempotent), ACCOUNT_REMOVED sent before the wipe", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")));
    ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "10")));
    const events = recorder();
    await withEnv(userId, { EVENTS: events.EVENTS });
    await worker.removeUser(meta, userId);
    const removed = events.sent.at(-1)!;
    expect(removed).toMatchObject({ kind: "ACCOUNT_REMOVED", userId, account: null });
    expect(ok(await worker.account(meta, userId))).toBeNull();
    for (const table of ["account", "orders", "activity", "positions", "outbox"]) {
      expect(await tableOf(userId, `SELECT * FROM ${table}`), table).toEqual([]);
    }
    expect(await inAccount(userId, (_i, state) => state.storage.getAlarm())).toBeNull();
    await worker.removeUser(meta, userId);
    await worker.removeUser(meta, "not-a-uuid");
    // A new account may be opened afterwards, from scratch.
    expect(ok(await worker.openAccount(meta, userId))).toMatchObject({ cash: "100000.00", positions: [] });
    expect(ok(await worker.orders(meta, userId, { first: 10 })).edges).toEqual([]);
  });

  it("a failed send of the removal leaves the storage for the retried removeUser, which completes it", async () => {
    const userId = await openedAccount();
    const events = recorder(1);
    await withEnv(userId, { EVENTS: events.EVENTS });
    // Asked in the object: a throw over RPC is reported by workerd as uncaught (the door throws on false).
    expect(await inAccount(userId, (instance) => instance.remove())).toBe(false);
    expect(await outboxSize(userId)).toBeGreaterThan(0);
    await worker.removeUser(meta, userId);
    expect(events.sent.at(-1)).toMatchObject({ kind: "ACCOUNT_REMOVED" });
    expect(await tableOf(userId, "SELECT * FROM activity")).toEqual([]);
  });
});

describe("expiry (the account's alarm, with an injected clock)", () => {
  it("rule: DAY orders still open at the first 16:00 New York time after they were placed end EXPIRED (END_OF_DAY)", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const order = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "10", { timeInForce: "DAY" })));
    const close = nextNewYorkClose(new Date(order.createdAt)).getTime();
    expect(await inAccount(userId, (_i, state) => state.storage.getAlarm())).toBe(close);
    expect(await inAccount(userId, (instance) => instance.expireDue(new Date(close - 1)))).toEqual([]);
    const [expired] = await inAccount(userId, (instance) => instance.expireDue(new Date(close)));
    expect(expired).toMatchObject({ id: order.id, status: "EXPIRED", reason: "END_OF_DAY", reservedCash: "0.00" });
    expect((await account(userId)).buyingPower).toBe("100000.00");
    expect(await inAccount(userId, (_i, state) => state.storage.getAlarm())).toBeNull();
  });

  it("rule: GTC orders end EXPIRED (TIME_LIMIT) after 90 days; the alarm is set at the earliest expiry", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const gtc = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "10")));
    const placed = new Date(gtc.createdAt).getTime();
    expect(await inAccount(userId, (_i, state) => state.storage.getAlarm())).toBe(placed + GTC_LIFETIME_MS);
    const day = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "10", { timeInForce: "DAY" })));
    expect(await inAccount(userId, (_i, state) => state.storage.getAlarm())).toBe(nextNewYorkClose(new Date(day.createdAt)).getTime());
    ok(await worker.cancelOrder(meta, userId, day.id));
    expect(await inAccount(userId, (_i, state) => state.storage.getAlarm())).toBe(placed + GTC_LIFETIME_MS);
    expect(await inAccount(userId, (instance) => instance.expireDue(new Date(placed + GTC_LIFETIME_MS - 1)))).toEqual([]);
    const [expired] = await inAccount(userId, (instance) => instance.expireDue(new Date(placed + GTC_LIFETIME_MS)));
    expect(expired).toMatchObject({ id: gtc.id, status: "EXPIRED", reason: "TIME_LIMIT" });
  });
});

describe("the outbox", () => {
  it("rule: every change of an order or of cash is published as an event (version + 1 each), sent after the commit", async () => {
    const userId = crypto.randomUUID();
    const events = recorder();
    await withEnv(userId, { EVENTS: events.EVENTS });
    const symbol = await quoted(100);
    ok(await worker.openAccount(meta, userId));
    ok(await worker.deposit(meta, userId, "10.00"));
    const filled = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")));
    const resting = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "10")));
    ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "9")));
    ok(await worker.cancelOrder(meta, userId, resting.id));
    ok(await worker.resetAccount(meta, userId));
    await until(async () => (await outboxSize(userId)) === 0 && events.sent.length === 7, "the outbox to empty");
    expect(events.sent.map((e) => [e.kind, e.version, e.order?.id ?? null])).toEqual([
      ["ACCOUNT_OPENED", 1, null],
      ["DEPOSITED", 2, null],
      ["ORDER_FILLED", 3, filled.id],
      ["ORDER_PLACED", 4, resting.id],
      ["ORDER_REJECTED", 5, expect.any(String)],
      ["ORDER_CANCELED", 6, resting.id],
      ["ACCOUNT_RESET", 7, null],
    ]);
    const opened = events.sent[0]!;
    expect(opened.account).toMatchObject({ cash: "100000.00", netDeposits: "100000.00", onLeaderboard: false, positions: [] });
    expect(events.sent[2]!.account).toMatchObject({ cash: "99910.00", positions: [{ symbol, quantity: "1" }] });
    expect(new Set(events.sent.map((e) => e.eventId)).size).toBe(7);
  });

  it("rule: events that fail to send stay in the outbox and the alarm sends them again", async () => {
    const userId = crypto.randomUUID();
    const events = recorder(1);
    await withEnv(userId, { EVENTS: events.EVENTS });
    ok(await worker.openAccount(meta, userId));
    await until(async () => (await inAccount(userId, (_i, state) => state.storage.getAlarm())) !== null, "the retry alarm");
    expect(await outboxSize(userId)).toBe(1);
    expect(events.sent).toEqual([]);
    expect(await runDurableObjectAlarm(accountStub(userId))).toBe(true);
    expect(events.sent.map((e) => e.kind)).toEqual(["ACCOUNT_OPENED"]);
    expect(await outboxSize(userId)).toBe(0);
    expect(await inAccount(userId, (_i, state) => state.storage.getAlarm())).toBeNull();
  });
});

describe("the symbol book hand-over", () => {
  it("rule: a resting order is checked again as the quote changes: the symbol book tracks it, and one that did not take it gets it again from the alarm", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const failing = { getByName: () => ({ track: async () => Promise.reject(new Error("book unavailable")), untrack: async () => undefined }) };
    await withEnv(userId, { SYMBOLS: failing });
    const order = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "10")));
    expect(await tableOf(userId, `SELECT tracked FROM orders WHERE id = '${order.id}'`)).toEqual([{ tracked: 0 }]);
    const alarm = (await inAccount(userId, (_i, state) => state.storage.getAlarm()))!;
    expect(alarm - Date.now()).toBeLessThanOrEqual(5_000);
    await withEnv(userId, { SYMBOLS: env.SYMBOLS });
    expect(await runDurableObjectAlarm(accountStub(userId))).toBe(true);
    expect(await tableOf(userId, `SELECT tracked FROM orders WHERE id = '${order.id}'`)).toEqual([{ tracked: 1 }]);
    const book = env.SYMBOLS.getByName(symbol);
    const resting = await runInDurableObject(book, (_i, state) => state.storage.sql.exec("SELECT order_id, account_name, limit_price FROM resting").toArray());
    expect(resting).toEqual([{ order_id: order.id, account_name: userId, limit_price: "10.0000" }]);
    // Canceled, it leaves the book (best effort, after the answer).
    ok(await worker.cancelOrder(meta, userId, order.id));
    await until(async () => (await runInDurableObject(book, (_i, state) => state.storage.sql.exec("SELECT * FROM resting").toArray())).length === 0, "the book to forget it");
  });
});

describe("reads", () => {
  it("rule: orders are cursor-paginated newest first, with a status filter", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const placed = [];
    for (let i = 0; i < 5; i++) placed.push(ok(await worker.placeOrder(meta, userId, i % 2 ? market(symbol, "BUY", "1") : limit(symbol, "BUY", "1", "10"))));
    const first = ok(await worker.orders(meta, userId, { first: 2 }));
    expect(first.edges.map((e) => e.node.id)).toEqual([placed[4]!.id, placed[3]!.id]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1]!.cursor });
    const rest = ok(await worker.orders(meta, userId, { first: 10, after: first.pageInfo.endCursor }));
    expect(rest.edges.map((e) => e.node.id)).toEqual([placed[2]!.id, placed[1]!.id, placed[0]!.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const open = ok(await worker.orders(meta, userId, { first: 10, status: "OPEN" }));
    expect(open.edges.map((e) => e.node.id)).toEqual([placed[4]!.id, placed[2]!.id, placed[0]!.id]);
    for (const request of [{ first: 0 }, { first: 101 }, { first: 1.5 }, { first: 5, after: "abc" }, { first: 5, status: "DONE" as "OPEN" }]) {
      expect(await worker.orders(meta, userId, request), JSON.stringify(request)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    }
    expect(ok(await worker.order(meta, userId, crypto.randomUUID()))).toBeNull();
    expect(ok(await worker.order(meta, userId, placed[1]!.id))).toEqual(placed[1]);
  });

  it("rule: activity is cursor-paginated newest first, and an entry carries its order as it is now", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const buy = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "2")));
    ok(await worker.deposit(meta, userId, "1.00"));
    const page = ok(await worker.activity(meta, userId, { first: 2 }));
    expect(page.edges.map((e) => [e.node.kind, e.node.amount, e.node.order?.id ?? null])).toEqual([["DEPOSIT", "1.00", null], ["BUY", "-200.00", buy.id]]);
    const last = ok(await worker.activity(meta, userId, { first: 2, after: page.pageInfo.endCursor }));
    expect(last.edges.map((e) => e.node.kind)).toEqual(["OPENING_CASH"]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false });
  });
});
