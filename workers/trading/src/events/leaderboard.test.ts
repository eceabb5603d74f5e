/** The leaderboard: exact returns at current prices, ties, visibility, refresh on the cron and on read. */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openDb } from "../../../../shared/d1";
import type { RpcResult } from "../../../../shared/rpc";
import type { LeaderboardRow } from "../contract";
import { accountFigures, leaderboard, readModelState } from "../db/schema";
import { leaderboardTop, quotePrices, rank, refreshLeaderboard, type PriceSource } from "./leaderboard";
import { applyEvent, parseEvent } from "./read-model";
import { tradingEvent } from "./testing";

const db = openDb(env.TRADING_DB);
type Figures = typeof accountFigures.$inferSelect;

const figures = (accountId: string, more: Partial<Figures> = {}): Figures => ({
  accountId,
  userId: `user-${accountId}`,
  version: 1,
  cash: "100000.00",
  netDeposits: "100000.00",
  since: "2026-12-01T10:00:00.000Z",
  onLeaderboard: true,
  positions: [],
  ...more,
});

const fixedPrices = (prices: Record<string, bigint>): PriceSource => async (symbols) =>
  new Map(symbols.filter((s) => s in prices).map((s) => [s, prices[s]!]));

async function clean(): Promise<void> {
  await db.batch([db.delete(accountFigures), db.delete(leaderboard), db.delete(readModelState)]);
}

const apply = (accountId: string, version: number, account: Parameters<typeof tradingEvent>[2]) =>
  applyEvent(db, parseEvent(tradingEvent(accountId, version, account)), new Date().toISOString());

describe("rank", () => {
  it("rule: the leaderboard ranks by totalReturnPercent = (cash + Σ quantity × price − netDeposits) / netDeposits × 100", () => {
    const rows = rank(
      [
        figures("flat"),
        // 50000.00 cash + 100 × 600.0000 = 110000.00 on 100000.00: +10 %.
        figures("up", { cash: "50000.00", positions: [{ symbol: "MSFT", quantity: "100" }] }),
        // 0.50 cash + 0.3333 × 3.0001 (0.99993333, 1.00 to the cent) = 1.50 on 2.00 net deposits: −25 %.
        figures("down", { cash: "0.50", netDeposits: "2.00", positions: [{ symbol: "PENNY", quantity: "0.3333" }] }),
      ],
      new Map([
        ["MSFT", 6_000_000n],
        ["PENNY", 30_001n],
      ]),
    );
    expect(rows.map((r) => [r.rank, r.accountId, r.totalReturnPercent])).toEqual([
      [1, "up", 10],
      [2, "flat", 0],
      [3, "down", -25],
    ]);
  });

  it("rule: leaderboard ties go to the earlier since, and returns compare exactly, beyond the served 6 places", () => {
    const rows = rank(
      [
        figures("later", { since: "2026-12-01T11:00:00.000Z", cash: "100001.00" }),
        figures("earlier", { since: "2026-12-01T09:00:00.000Z", cash: "100001.00" }),
        // 100.01 on 10,000,000.00 is 0.0010001 %: served as 0.001 like the others, yet it ranks first.
        figures("finer", { since: "2026-12-02T09:00:00.000Z", cash: "10000100.01", netDeposits: "10000000.00" }),
      ],
      new Map(),
    );
    expect(rows.map((r) => [r.accountId, r.totalReturnPercent])).toEqual([
      ["finer", 0.001],
      ["earlier", 0.001],
      ["later", 0.001],
    ]);
  });

  it("an account holding a symbol without a quote sits the refresh out rather than be valued at nothing", () => {
    const rows = rank([figures("held", { positions: [{ symbol: "GONE", quantity: "1" }] }), figures("cash")], new Map());
    expect(rows.map((r) => r.accountId)).toEqual(["cash"]);
  });
});

describe("leaderboard refresh", () => {
  it("rule: the leaderboard ranks only accounts whose owner turned onLeaderboard on", async () => {
    await clean();
    await apply("lb-shown", 1, { cash: "100100.00" });
    await apply("lb-hidden", 1, { cash: "200000.00", onLeaderboard: false });
    expect(await refreshLeaderboard(db, fixedPrices({}), new Date())).toBe(1);
    expect(await leaderboardTop(db, 10, fixedPrices({}), new Date(), () => undefined)).toEqual([
      { rank: 1, userId: "user-of-lb-shown", totalReturnPercent: 0.1, since: "2026-12-01T10:00:00.000Z" },
    ]);
  });

  it("rule: the leaderboard lags fills, prices and visibility by at most 60 s: a read refreshes a ranking older than that", async () => {
    await clean();
    const t0 = new Date("2026-12-02T15:00:00.000Z");
    await apply("lb-a", 1, { positions: [{ symbol: "AAPL", quantity: "10" }], cash: "97500.00" });
    await apply("lb-b", 1, { cash: "100050.00" });
    const at250 = fixedPrices({ AAPL: 2_500_000n });
    expect((await leaderboardTop(db, 10, at250, t0, () => undefined)).map((r) => r.userId)).toEqual(["user-of-lb-b", "user-of-lb-a"]);
    // The price moves and an account hides itself: within 60 s the ranking may still show the old one.
    const at260 = fixedPrices({ AAPL: 2_600_000n });
    await apply("lb-b", 2, { cash: "100050.00", onLeaderboard: false });
    const in59s = new Date(t0.getTime() + 59_000);
    expect((await leaderboardTop(db, 10, at260, in59s, () => undefined)).map((r) => r.userId)).toEqual(["user-of-lb-b", "user-of-lb-a"]);
    const in61s = new Date(t0.getTime() + 61_000);
    expect(await leaderboardTop(db, 10, at260, in61s, () => undefined)).toEqual([
      { rank: 1, userId: "user-of-lb-a", totalReturnPercent: 0.1, since: "2026-12-01T10:00:00.000Z" },
    ]);
  });

  it("a failing refresh serves the last ranking and says so", async () => {
    await clean();
    await apply("lb-stale", 1, {});
    await refreshLeaderboard(db, fixedPrices({}), new Date("2026-12-02T15:00:00.000Z"));
    const failures: unknown[] = [];
    const down: PriceSource = () => Promise.reject(new Error("stock down"));
    await apply("lb-stale-2", 1, { positions: [{ symbol: "AAPL", quantity: "1" }] });
    const rows = await leaderboardTop(db, 10, down, new Date("2026-12-02T16:00:00.000Z"), (error) => failures.push(error));
    expect(rows.map((r) => r.userId)).toEqual(["user-of-lb-stale"]);
    expect(failures).toHaveLength(1);
  });

  it("asks the stock service in batches of at most 100 symbols", async () => {
    const asked: number[] = [];
    const prices = quotePrices(async (symbols) => {
      asked.push(symbols.length);
      return Object.fromEntries(symbols.map((s) => [s, { price: 0.1 + 0.2 }]));
    });
    const found = await prices(Array.from({ length: 250 }, (_, i) => `S${i}`));
    expect(asked).toEqual([100, 100, 50]);
    // The float's noise never reaches the price: 0.30000000000000004 is 0.3000.
    expect(found.get("S7")).toBe(3_000n);
  });
});

describe("the leaderboard through the trading Worker's door", () => {
  const door = (exports as unknown as { default: unknown }).default as {
    leaderboard(meta: { requestId: string }, first: number): Promise<RpcResult<LeaderboardRow[]>>;
    scheduled(options: { cron: string; scheduledTime: Date }): Promise<unknown>;
  };

  it("answers BAD_USER_INPUT for first outside 1..100", async () => {
    for (const first of [0, 101, 1.5]) {
      const answer = await door.leaderboard({ requestId: "t" }, first);
      expect(answer).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "first" }] } });
    }
  });

  it("the cron refreshes the ranking (scheduled handler), and first bounds what is served", async () => {
    await clean();
    for (const [i, id] of ["lb-c1", "lb-c2", "lb-c3"].entries()) await apply(id, 1, { cash: `10000${i}.00` });
    await door.scheduled({ cron: "* * * * *", scheduledTime: new Date() });
    expect(await db.select().from(leaderboard).orderBy(leaderboard.rank)).toMatchObject([{ accountId: "lb-c3" }, { accountId: "lb-c2" }, { accountId: "lb-c1" }]);
    const answer = await door.leaderboard({ requestId: "t" }, 2);
    expect(answer).toEqual({
      ok: true,
      value: [
        { rank: 1, userId: "user-of-lb-c3", totalReturnPercent: 0.002, since: "2026-12-01T10:00:00.000Z" },
        { rank: 2, userId: "user-of-lb-c2", totalReturnPercent: 0.001, since: "2026-12-01T10:00:00.000Z" },
      ],
    });
  });
});
