/**
 * The symbol book alone, in workerd: its SQLite, its alarm (driven with runDurableObjectAlarm)
 * and what it hands to the accounts. The stock service and the accounts are scripted
 * here, so each outcome an account can answer is asserted on its own; the book against the
 * real account is in test/trading.integration.test.ts.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BookQuote, MatchOutcome, RestingOrder } from "./protocol";
import { CLOSED_POLL_MS, nextPollAt, POLL_MS, type SymbolBook } from "./symbol-book";

interface ScriptedQuote {
  price: number;
  asOf: string;
  marketState: string;
}

/** A scripted stock service and accounts, put in the book's env. */
function scripted(symbol: string, quote: ScriptedQuote, answer: (orderId: string) => MatchOutcome = () => "FILLED") {
  const state = {
    quote: quote as ScriptedQuote | null,
    stockCalls: 0,
    stockFails: false,
    calls: [] as { account: string; orderIds: string[]; quote: BookQuote }[],
    failingAccount: null as string | null,
    answer,
  };
  const STOCK = {
    quotes: async (_meta: unknown, symbols: string[]) => {
      state.stockCalls++;
      if (state.stockFails) return { ok: false, error: { code: "NOT_FOUND", message: "scripted failure" } };
      return { ok: true, value: state.quote && symbols.includes(symbol) ? { [symbol]: { symbol, ...state.quote } } : {} };
    },
  };
  const ACCOUNTS = {
    getByName: (account: string) => ({
      matchResting: async (orderIds: string[], bookQuote: BookQuote) => {
        state.calls.push({ account, orderIds, quote: bookQuote });
        if (account === state.failingAccount) throw new Error("account unavailable");
        return orderIds.map((orderId) => ({ orderId, outcome: state.answer(orderId) }));
      },
    }),
  };
  return { state, STOCK, ACCOUNTS };
}

async function bookWith(symbol: string, script: ReturnType<typeof scripted>, vars: Record<string, string> = {}) {
  const book = env.SYMBOLS.getByName(symbol) as unknown as DurableObjectStub<SymbolBook>;
  await runInDurableObject(book, (instance: SymbolBook) => {
    (instance as unknown as { env: unknown }).env = { ...env, ...vars, STOCK: script.STOCK, ACCOUNTS: script.ACCOUNTS };
  });
  return book;
}

const order = (orderId: string, accountName: string, createdAt: string, more: Partial<RestingOrder> = {}): RestingOrder => ({
  accountName,
  orderId,
  side: "BUY",
  type: "LIMIT",
  limitPrice: "50",
  stopPrice: null,
  triggered: false,
  createdAt,
  ...more,
});

const alarmOf = (book: DurableObjectStub<SymbolBook>) => runInDurableObject(book, (_b: SymbolBook, state) => state.storage.getAlarm());
const REGULAR = { price: 45.5, asOf: "2026-12-02T15:00:00.000Z", marketState: "REGULAR" };

describe("SymbolBook", () => {
  it("rule: a resting order is checked again when the quote changes, oldest order first, each through its own account", async () => {
    const script = scripted("BK1", REGULAR);
    const book = await bookWith("BK1", script);
    await book.track(order("o-new", "alice", "2026-12-02T14:00:03.000Z"));
    await book.track(order("o-old", "alice", "2026-12-02T14:00:01.000Z"));
    await book.track(order("o-bob", "bob", "2026-12-02T14:00:02.000Z"));
    expect(await runDurableObjectAlarm(book)).toBe(true);
    expect(script.state.stockCalls).toBe(1);
    const byAccount = Object.fromEntries(script.state.calls.map((c) => [c.account, c.orderIds]));
    expect(byAccount).toEqual({ alice: ["o-old", "o-new"], bob: ["o-bob"] });
    // The quote as the book read it: the float converted once, scale 4 text.
    expect(script.state.calls[0]!.quote).toEqual({ price: "45.5000", asOf: REGULAR.asOf, marketState: "REGULAR" });
    expect(await book.resting()).toBe(0);
    expect(await alarmOf(book)).toBeNull();
  });

  it("rule: a LIMIT buy is handed over only when p <= limitPrice, a LIMIT sell only when p >= limitPrice", async () => {
    const script = scripted("BK2", { ...REGULAR, price: 50 });
    const book = await bookWith("BK2", script);
    await book.track(order("buy-at-50", "a", "2026-12-02T14:00:01.000Z", { limitPrice: "50" }));
    await book.track(order("buy-at-49.9999", "a", "2026-12-02T14:00:02.000Z", { limitPrice: "49.9999" }));
    await book.track(order("sell-at-50", "a", "2026-12-02T14:00:03.000Z", { side: "SELL", limitPrice: "50" }));
    await book.track(order("sell-at-50.0001", "a", "2026-12-02T14:00:04.000Z", { side: "SELL", limitPrice: "50.0001" }));
    await runDurableObjectAlarm(book);
    expect(script.state.calls.map((c) => c.orderIds)).toEqual([["buy-at-50", "sell-at-50"]]);
    expect(await book.resting()).toBe(2);
    expect(await alarmOf(book)).not.toBeNull();
  });

  it("rule: a STOP triggers when reached and a STOP_LIMIT becomes a LIMIT: the book keeps a TRIGGERED stop-limit and forgets what is over", async () => {
    const outcomes: Record<string, MatchOutcome> = { filled: "FILLED", rejected: "REJECTED", gone: "NOT_OPEN", kept: "NOT_MATCHED", armed: "TRIGGERED" };
    const script = scripted("BK3", { ...REGULAR, price: 100 }, (id) => outcomes[id]!);
    const book = await bookWith("BK3", script);
    const stop = { type: "STOP" as const, limitPrice: null, stopPrice: "100" };
    await book.track(order("filled", "a", "2026-12-02T14:00:01.000Z", stop));
    await book.track(order("rejected", "a", "2026-12-02T14:00:02.000Z", stop));
    await book.track(order("gone", "a", "2026-12-02T14:00:03.000Z", stop));
    await book.track(order("kept", "a", "2026-12-02T14:00:04.000Z", stop));
    // Stop reached at 100, limit 99 not: the account triggers it and it rests as a LIMIT.
    await book.track(order("armed", "a", "2026-12-02T14:00:05.000Z", { type: "STOP_LIMIT", stopPrice: "100", limitPrice: "99" }));
    await book.track(order("stop-not-reached", "a", "2026-12-02T14:00:06.000Z", { ...stop, stopPrice: "100.01" }));
    await runDurableObjectAlarm(book);
    expect(script.state.calls[0]!.orderIds).toEqual(["filled", "rejected", "gone", "kept", "armed"]);
    const rows = await runInDurableObject(book, (_b: SymbolBook, state) =>
      state.storage.sql.exec<{ order_id: string; triggered: number }>("SELECT order_id, triggered FROM resting ORDER BY seq").toArray(),
    );
    expect(rows).toEqual([
      { order_id: "kept", triggered: 0 },
      { order_id: "armed", triggered: 1 },
      { order_id: "stop-not-reached", triggered: 0 },
    ]);
  });

  it("an unchanged quote (same price and asOf) is not matched again, unless an order arrived since", async () => {
    const script = scripted("BK4", REGULAR, () => "NOT_MATCHED");
    const book = await bookWith("BK4", script);
    await book.track(order("o1", "a", "2026-12-02T14:00:01.000Z"));
    await runDurableObjectAlarm(book);
    await runDurableObjectAlarm(book);
    expect(script.state.stockCalls).toBe(2);
    expect(script.state.calls).toHaveLength(1);
    await book.track(order("o2", "a", "2026-12-02T14:00:02.000Z"));
    await runDurableObjectAlarm(book);
    expect(script.state.calls).toHaveLength(2);
    script.state.quote = { ...REGULAR, asOf: "2026-12-02T15:00:30.000Z" };
    await runDurableObjectAlarm(book);
    expect(script.state.calls.map((c) => c.orderIds)).toEqual([["o1"], ["o1", "o2"], ["o1", "o2"]]);
  });

  it("the alarm is set by the first track only (a placement never pushes it out), and dropped with the last order", async () => {
    const script = scripted("BK5", REGULAR);
    const book = await bookWith("BK5", script);
    const before = Date.now();
    await book.track(order("o1", "a", "2026-12-02T14:00:01.000Z"));
    const first = await alarmOf(book);
    expect(first).toBeGreaterThanOrEqual(before + POLL_MS);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await book.track(order("o2", "a", "2026-12-02T14:00:02.000Z"));
    expect(await alarmOf(book)).toBe(first);
    await book.track(order("o2", "a", "2026-12-02T14:00:02.000Z"));
    expect(await book.resting()).toBe(2);
    await book.untrack("o1");
    expect(await alarmOf(book)).toBe(first);
    await book.untrack("o2");
    expect(await book.resting()).toBe(0);
    expect(await alarmOf(book)).toBeNull();
  });

  it("a failing account leaves the other accounts' answers applied and throws, so the platform retries the alarm", async () => {
    const script = scripted("BK6", REGULAR);
    script.state.failingAccount = "down";
    const book = await bookWith("BK6", script);
    await book.track(order("up-1", "up", "2026-12-02T14:00:01.000Z"));
    await book.track(order("down-1", "down", "2026-12-02T14:00:02.000Z"));
    const failed = await runInDurableObject(book, (instance: SymbolBook) => instance.alarm().then(() => null, (error: Error) => error.message));
    expect(failed).toBe("account unavailable");
    expect(await book.resting()).toBe(1);
    // The retry matches again although the quote is the same.
    script.state.failingAccount = null;
    await runInDurableObject(book, (instance: SymbolBook) => instance.alarm());
    expect(script.state.calls.map((c) => c.orderIds)).toEqual([["up-1"], ["down-1"], ["down-1"]]);
    expect(await book.resting()).toBe(0);
  });

  it("a failing stock service throws (retried by the platform) and no quote for the symbol matches nothing", async () => {
    const script = scripted("BK7", REGULAR);
    const book = await bookWith("BK7", script);
    await book.track(order("o1", "a", "2026-12-02T14:00:01.000Z"));
    script.state.stockFails = true;
    const failed = await runInDurableObject(book, (instance: SymbolBook) => instance.alarm().then(() => null, (error: Error) => error.message));
    expect(failed).toContain("stock.quotes failed");
    script.state.stockFails = false;
    script.state.quote = null;
    await runInDurableObject(book, (instance: SymbolBook) => instance.alarm());
    expect(script.state.calls).toHaveLength(0);
    expect(await book.resting()).toBe(1);
    expect(await alarmOf(book)).not.toBeNull();
  });

  it("rule: under TRADING_HOURS=exchange limit and stop orders only match during REGULAR, and the book polls rarely meanwhile", async () => {
    const script = scripted("BK8", { ...REGULAR, marketState: "POST" });
    const book = await bookWith("BK8", script, { TRADING_HOURS: "exchange" });
    await book.track(order("o1", "a", "2026-12-02T14:00:01.000Z"));
    await runDurableObjectAlarm(book);
    expect(script.state.calls).toHaveLength(0);
    expect(await book.resting()).toBe(1);
    script.state.quote = REGULAR;
    await runDurableObjectAlarm(book);
    expect(script.state.calls).toHaveLength(1);
  });
});

describe("nextPollAt", () => {
  const at = (iso: string) => Date.parse(iso);

  it("polls every 2 s around the clock under TRADING_HOURS=always, and during REGULAR under exchange", () => {
    const now = at("2026-12-05T03:00:00Z"); // a Saturday night
    expect(nextPollAt(now, "CLOSED", "always")).toBe(now + POLL_MS);
    expect(nextPollAt(now, "REGULAR", "exchange")).toBe(now + POLL_MS);
    expect(nextPollAt(now, null, "exchange")).toBe(now + POLL_MS);
  });

  it("polls once a minute outside REGULAR under exchange, but every 2 s around the 09:30 New York open of a weekday", () => {
    const evening = at("2026-12-02T23:00:00Z"); // 18:00 New York
    expect(nextPollAt(evening, "POST", "exchange")).toBe(evening + CLOSED_POLL_MS);
    const justBeforeOpen = at("2026-12-02T14:29:30Z"); // 09:29:30 New York (EST)
    expect(nextPollAt(justBeforeOpen, "PRE", "exchange")).toBe(justBeforeOpen + POLL_MS);
    const saturdayOpen = at("2026-12-05T14:29:30Z");
    expect(nextPollAt(saturdayOpen, "CLOSED", "exchange")).toBe(saturdayOpen + CLOSED_POLL_MS);
    const summerOpen = at("2026-07-01T13:30:30Z"); // 09:30:30 New York (EDT)
    expect(nextPollAt(summerOpen, "PRE", "exchange")).toBe(summerOpen + POLL_MS);
  });
});
