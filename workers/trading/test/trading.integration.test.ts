/**
 * Trading through the six real Workers (wrangler's test harness, scripts/testing/platform.ts):
 * the account Durable Object under concurrent calls, the symbol book against the stock
 * service, the events queue on Miniflare's real broker (partial failure, redelivery, the
 * dead-letter queue, a replay) and the leaderboard built from those events.
 *
 * The trading Worker's STOCK is the real stock service behind test/support/scripted-stock.ts,
 * which only changes the price of the symbols a test scripts (to move a quote on purpose).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASH_SCALE, cashAmount, formatDecimal, fromQuotePrice, parseDecimal, percentOf, UNIT_SCALE } from "../../../shared/decimal.ts";
import { standIn, startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import type { ActivityEntryState, OrderInput, Page, TradingRpc } from "../src/contract.ts";
import { tradingEvent } from "../src/events/testing.ts";

let platform: Platform;
let trading: TradingRpc;
let scripted: { setPrice(symbol: string, price: number): Promise<void> };
let db: D1Like;
let events: { send(body: unknown): Promise<void>; sendBatch(messages: { body: unknown }[]): Promise<void> };

interface D1Like {
  prepare(query: string): { bind(...values: unknown[]): { all<T>(): Promise<{ results: T[] }> }; all<T>(): Promise<{ results: T[] }> };
}

const meta = { requestId: "trading-integration-0001" };

/**
 * Quiet Workers: a call from Node through the harness holds Node's event loop until it
 * answers, and workerd's log lines go through a pipe that Node then does not read; 20
 * concurrent orders at LOG_LEVEL=info write past the pipe's buffer and both sides wait
 * for ever (measured: 10 orders pass, 20 hang; at warn, 50 answer in about 1 s).
 */
const QUIET = { LOG_LEVEL: "warn" };

beforeAll(async () => {
  platform = await startPlatform({
    extraWorkers: [standIn("scripted-stock", "workers/trading/test/support/scripted-stock.ts", "fafnir-stock")],
    bindingOverrides: { trading: { STOCK: "scripted-stock" } },
    // A retried event waits 1 s, not 10 (the dead-letter queue is reached in seconds).
    vars: {
      trading: { ...QUIET, EVENT_RETRY_BASE_SECONDS: "1", EVENT_RETRY_MAX_SECONDS: "1" },
      stock: QUIET,
      gateway: QUIET,
      auth: QUIET,
      user: QUIET,
      security: QUIET,
    },
  });
  trading = await platform.rpc("trading");
  scripted = (await platform.harness.getWorker("scripted-stock").getExport()) as unknown as typeof scripted;
  const env = (await platform.worker("trading").getEnv()) as unknown as { TRADING_DB: D1Like; EVENTS: typeof events };
  db = env.TRADING_DB;
  events = env.EVENTS;
});
afterAll(() => platform?.stop());

function ok<T>(answer: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!answer.ok) throw new Error(`expected ok, got ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

async function rows<T>(query: string, ...values: unknown[]): Promise<T[]> {
  return (await db.prepare(query).bind(...values).all<T>()).results;
}

/** Polls `probe` until it returns something other than undefined (the queue is asynchronous). */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function openedAccount(): Promise<string> {
  const userId = crypto.randomUUID();
  ok(await trading.openAccount(meta, userId));
  return userId;
}

const market = (symbol: string, quantity: string, more: Partial<OrderInput> = {}): OrderInput => ({ symbol, side: "BUY", type: "MARKET", quantity, timeInForce: "DAY", ...more });
const cents = (text: string) => parseDecimal(text, CASH_SCALE)!;

/** cash = the sum of the amounts of all activity entries (trading.md), over the account's pages. */
async function activitySum(userId: string): Promise<bigint> {
  let sum = 0n;
  let after: string | null = null;
  for (;;) {
    const page: Page<ActivityEntryState> = ok(await trading.activity(meta, userId, { first: 100, after }));
    for (const edge of page.edges) sum += cents(edge.node.amount);
    if (!page.pageInfo.hasNextPage) return sum;
    after = page.pageInfo.endCursor;
  }
}

describe("concurrent orders on one account", () => {
  it("rule: orders each affordable alone but not together: the affordable ones fill, the rest are REJECTED, cash exact (50 at once)", async () => {
    const userId = await openedAccount();
    const placed = await Promise.all(Array.from({ length: 50 }, () => trading.placeOrder(meta, userId, market("AAPL", "100"))));
    const orders = placed.map((answer) => ok(answer));
    const filled = orders.filter((o) => o.status === "FILLED");
    const rejected = orders.filter((o) => o.status === "REJECTED");
    expect(filled.length + rejected.length).toBe(50);
    expect(rejected.every((o) => o.reason === "INSUFFICIENT_BUYING_POWER")).toBe(true);
    const spent = filled.reduce((sum, o) => sum - cents(o.cashAmount!), 0n);
    const account = ok(await trading.account(meta, userId))!;
    expect(account.cash).toBe(formatDecimal(10_000_000n - spent, CASH_SCALE));
    expect(await activitySum(userId)).toBe(cents(account.cash));
    // No affordable order was refused: what is left buys less than one more at the lowest fill price.
    const lowest = filled.map((o) => parseDecimal(o.averageFillPrice!, UNIT_SCALE)!).reduce((a, b) => (a < b ? a : b));
    expect(cashAmount(100n * 10_000n, lowest)).toBeGreaterThan(cents(account.cash));
    expect(filled.length).toBeGreaterThan(0);
    expect(account.positions).toEqual([expect.objectContaining({ symbol: "AAPL", quantity: String(100 * filled.length) })]);
    console.log(`50 concurrent orders: ${filled.length} FILLED, ${rejected.length} REJECTED, cash ${account.cash}`);

    // Every one of those changes reaches the read model through the queue, newest figures kept.
    const figures = await eventually(async () => {
      const [row] = await rows<{ cash: string; version: number }>("SELECT cash, version FROM account_figures WHERE user_id = ?", userId);
      return row?.cash === account.cash && row.version >= 51 ? row : undefined;
    }, "the read model to hold the account's last figures");
    expect(figures.cash).toBe(account.cash);
  });

  it("rule: placing again with a clientOrderId the account already used answers that first order, even when 20 calls race", async () => {
    const userId = await openedAccount();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => trading.placeOrder(meta, userId, market("MSFT", "1", { clientOrderId: "race-1" }))),
    );
    const orders = answers.map((answer) => ok(answer));
    expect(new Set(orders.map((o) => o.id)).size).toBe(1);
    const all = ok(await trading.orders(meta, userId, { first: 100 }));
    expect(all.edges.map((e) => e.node.clientOrderId)).toEqual(["race-1"]);
    const account = ok(await trading.account(meta, userId))!;
    expect(await activitySum(userId)).toBe(cents(account.cash));
  });
});

describe("the symbol book", () => {
  const bookRows = async (symbol: string) => {
    const storage = await platform.worker("trading").getDurableObjectStorage("SYMBOLS", { name: symbol });
    return (await storage.exec("SELECT order_id FROM resting")) as { order_id: string }[];
  };

  it("rule: a resting LIMIT buy fills when the quote reaches p <= limitPrice, at p, within 5 seconds of the change", async () => {
    const userId = await openedAccount();
    await scripted.setPrice("TSLA", 200);
    const order = ok(await trading.placeOrder(meta, userId, { symbol: "TSLA", side: "BUY", type: "LIMIT", quantity: "10", limitPrice: "150", timeInForce: "GTC" }));
    expect(order).toMatchObject({ status: "OPEN", reservedCash: "1500.00" });
    expect(await bookRows("TSLA")).toEqual([{ order_id: order.id }]);
    await scripted.setPrice("TSLA", 149.5);
    const changed = Date.now();
    const filled = await eventually(async () => {
      const now = ok(await trading.order(meta, userId, order.id));
      return now?.status === "FILLED" ? now : undefined;
    }, "the resting order to fill", 10_000);
    const delayMs = Date.now() - changed;
    expect(filled).toMatchObject({ averageFillPrice: "149.5", cashAmount: "-1495.00", reservedCash: "0.00" });
    expect(delayMs).toBeLessThan(5_000);
    expect(ok(await trading.account(meta, userId))!.cash).toBe("98505.00");
    expect(await bookRows("TSLA")).toEqual([]);
  });

  it("rule: cancelOrder ends an open order CANCELED and the book stops watching it", async () => {
    const userId = await openedAccount();
    await scripted.setPrice("AMZN", 100);
    const order = ok(await trading.placeOrder(meta, userId, { symbol: "AMZN", side: "BUY", type: "LIMIT", quantity: "1", limitPrice: "50", timeInForce: "GTC" }));
    expect(await bookRows("AMZN")).toEqual([{ order_id: order.id }]);
    expect(ok(await trading.cancelOrder(meta, userId, order.id))).toMatchObject({ status: "CANCELED", reason: "CANCELED_BY_USER" });
    await eventually(async () => ((await bookRows("AMZN")).length === 0 ? true : undefined), "the book to forget the canceled order", 5_000);
    // A quote that would have filled it changes nothing now.
    await scripted.setPrice("AMZN", 40);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(ok(await trading.order(meta, userId, order.id))).toMatchObject({ status: "CANCELED" });
    expect(ok(await trading.account(meta, userId))!.cash).toBe("100000.00");
  });
});

describe("the events queue (Miniflare's real broker)", () => {
  it("rule: consumers apply each event once: a batch with a failing message applies the others, redelivers it with back-off, then dead-letters it; a replay is applied once", async () => {
    const good = tradingEvent(`q-good-${crypto.randomUUID()}`, 1, { cash: "100123.00" });
    const other = tradingEvent(`q-other-${crypto.randomUUID()}`, 1, { cash: "100456.00" });
    const poison = { ...tradingEvent(`q-poison-${crypto.randomUUID()}`, 1, {}), version: "not a number" };
    const sent = Date.now();
    await events.sendBatch([{ body: good }, { body: poison }, { body: other }]);
    await events.send(good);
    await events.send(good);

    const applied = await eventually(async () => {
      const found = await rows<{ account_id: string; cash: string }>(
        "SELECT account_id, cash FROM account_figures WHERE account_id IN (?, ?) ORDER BY cash",
        good.accountId,
        other.accountId,
      );
      return found.length === 2 ? found : undefined;
    }, "the good events to be applied");
    expect(applied.map((r) => r.cash)).toEqual(["100123.00", "100456.00"]);

    const [dead] = await eventually(async () => {
      const found = await rows<{ attempts: number; error: string; kind: string }>("SELECT attempts, error, kind FROM dead_events WHERE event_id = ?", poison.eventId);
      return found.length ? found : undefined;
    }, "the poison event in dead_events", 40_000);
    const seconds = (Date.now() - sent) / 1000;
    console.log(`poison event dead-lettered after ${seconds.toFixed(1)} s: ${JSON.stringify(dead)}`);
    // max_retries = 5 (wrangler.toml): six deliveries, each retry 1 s later at least.
    expect(dead).toMatchObject({ attempts: 6, kind: "DEPOSITED", error: expect.stringContaining("version") });
    expect(seconds).toBeGreaterThanOrEqual(5);
    expect(await rows("SELECT event_key FROM failing_events WHERE event_key = ?", poison.eventId)).toEqual([]);
    // The replayed event: delivered three times, one applied_events row, the same figures.
    expect(await rows("SELECT event_id FROM applied_events WHERE event_id = ?", good.eventId)).toHaveLength(1);
    expect(await rows("SELECT account_id FROM account_figures WHERE account_id = ?", poison.accountId)).toEqual([]);
  }, 60_000);
});

describe("the leaderboard", () => {
  it("rule: the leaderboard ranks onLeaderboard accounts by totalReturnPercent from the events, and a hidden or removed one leaves it", async () => {
    const holder = await openedAccount();
    const saver = await openedAccount();
    const hidden = await openedAccount();
    for (const userId of [holder, saver]) ok(await trading.setLeaderboardVisibility(meta, userId, true));
    const bought = ok(await trading.placeOrder(meta, holder, market("GOOGL", "10")));
    expect(bought.status).toBe("FILLED");
    ok(await trading.deposit(meta, saver, "1000.00"));
    const holderCash = ok(await trading.account(meta, holder))!.cash;
    await eventually(async () => {
      const found = await rows<{ user_id: string }>(
        "SELECT user_id FROM account_figures WHERE on_leaderboard = 1 AND ((user_id = ? AND cash = ?) OR (user_id = ? AND net_deposits = '101000.00'))",
        holder,
        holderCash,
        saver,
      );
      return found.length === 2 ? true : undefined;
    }, "both accounts' figures in the read model");

    const stock = await platform.rpc("stock");
    const priceNow = async () => fromQuotePrice(ok(await stock.quotes(meta, ["GOOGL"]))["GOOGL"]!.price);
    const before = await priceNow();
    expect(await platform.worker("trading").scheduled({ cron: "* * * * *", scheduledTime: new Date() })).toMatchObject({ outcome: "ok" });
    const after = await priceNow();
    const board = ok(await trading.leaderboard(meta, 100));
    const mine = board.filter((row) => [holder, saver, hidden].includes(row.userId));
    // The saver's deposit is no return; the holder's is (cash + 10 × p − 100000.00) / 100000.00 × 100.
    const expected = (price: bigint) => percentOf(cents(holderCash) + cashAmount(10n * 10_000n, price) - 10_000_000n, 10_000_000n);
    const holderRow = mine.find((row) => row.userId === holder)!;
    expect([expected(before), expected(after)]).toContain(holderRow.totalReturnPercent);
    expect(mine.find((row) => row.userId === saver)).toMatchObject({ totalReturnPercent: 0 });
    expect(mine.map((row) => row.userId).sort()).toEqual([holder, saver].sort());
    expect(board.map((row) => row.rank)).toEqual(board.map((_, i) => i + 1));

    // Hidden, then removed: out of the ranking at the next refresh, and at once on removal.
    ok(await trading.setLeaderboardVisibility(meta, saver, false));
    await eventually(async () => ((await rows("SELECT 1 FROM account_figures WHERE user_id = ? AND on_leaderboard = 0", saver)).length ? true : undefined), "the hidden flag");
    await platform.worker("trading").scheduled({ cron: "* * * * *", scheduledTime: new Date() });
    expect(ok(await trading.leaderboard(meta, 100)).map((row) => row.userId)).not.toContain(saver);
    await trading.removeUser(meta, holder);
    await eventually(async () => (ok(await trading.leaderboard(meta, 100)).some((row) => row.userId === holder) ? undefined : true), "the removed account to leave the board");
    expect(await rows("SELECT 1 FROM account_figures WHERE user_id = ?", holder)).toEqual([]);
  });

  it("answers BAD_USER_INPUT for first outside 1..100", async () => {
    expect(await trading.leaderboard(meta, 0)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "first" }] } });
  });
});
