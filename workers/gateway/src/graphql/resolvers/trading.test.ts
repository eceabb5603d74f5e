import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import type { AccountState } from "../../../../trading/src/contract";
import type { GatewayContext } from "../context";
import { createLoaders } from "../loaders";
import type { TradingAccountModel } from "../models";
import { displayName, tradingResolvers } from "./trading";

/** A context whose stock service knows the quotes of `prices` only, recording each batch. */
function quotesContext(prices: Record<string, number>) {
  const batches: string[][] = [];
  const quotes = async (_meta: unknown, symbols: string[]) => {
    batches.push(symbols);
    return { ok: true, value: Object.fromEntries(symbols.filter((s) => s in prices).map((symbol) => [symbol, { symbol, price: prices[symbol], stale: true }])) };
  };
  const ctx = {
    requestId: "test-request-0001",
    config: { RPC_TIMEOUT_MS: 1_000 },
    metrics: { record: () => {} },
    log: { info: () => {}, error: () => {} },
    env: { STOCK: { quotes } },
  } as unknown as GatewayContext;
  ctx.loaders = createLoaders(ctx);
  return { ctx, batches };
}

const state: AccountState = {
  id: "account-1",
  currency: "USD",
  cash: "1000.00",
  buyingPower: "1000.00",
  netDeposits: "2000.00",
  realizedPnl: "0.00",
  onLeaderboard: false,
  createdAt: "2026-12-01T15:00:00.000Z",
  resetAt: null,
  positions: [
    { symbol: "AAPL", quantity: "2", availableQuantity: "2", costBasis: "400.00", averageCost: "200.0000" },
    { symbol: "MSFT", quantity: "1", availableQuantity: "1", costBasis: "500.00", averageCost: "500.0000" },
  ],
};
const account: TradingAccountModel = { ...state, userId: "00000000-0000-4000-8000-000000000001" };
const info = {} as GraphQLResolveInfo;

type Field = (parent: unknown, args: unknown, ctx: GatewayContext, info: GraphQLResolveInfo) => unknown;
const field = (type: "TradingAccount" | "Position", name: string) => (tradingResolvers[type] as Record<string, Field>)[name]!;

describe("trading resolvers", () => {
  it("price every position and figure of an account with one quote batch (stale quotes count)", async () => {
    const { ctx, batches } = quotesContext({ AAPL: 250, MSFT: 450 });
    const figures = await Promise.all([
      ...["positionsValue", "equity", "totalReturn", "totalReturnPercent", "unrealizedPnl"].map((name) => field("TradingAccount", name)(account, {}, ctx, info)),
      ...state.positions.map((position) => field("Position", "marketValue")(position, {}, ctx, info)),
    ]);
    expect(figures).toEqual(["950.00", "1950.00", "-50.00", -2.5, "50.00", "500.00", "450.00"]);
    expect(batches).toEqual([["AAPL", "MSFT"]]);
  });

  it("a position without a quote has null market fields; the account's figures are SERVICE_UNAVAILABLE, naming it", async () => {
    const { ctx } = quotesContext({ AAPL: 250 });
    expect(await field("Position", "marketPrice")(state.positions[1], {}, ctx, info)).toBeNull();
    expect(await field("Position", "unrealizedPnlPercent")(state.positions[1], {}, ctx, info)).toBeNull();
    expect(await field("Position", "marketPrice")(state.positions[0], {}, ctx, info)).toBe("250");
    const equity = field("TradingAccount", "equity")(account, {}, ctx, info) as Promise<unknown>;
    await expect(equity).rejects.toBeInstanceOf(GraphQLError);
    await expect(equity).rejects.toMatchObject({ message: expect.stringContaining("MSFT"), extensions: { code: "SERVICE_UNAVAILABLE", service: "stock" } });
  });
});

describe("the leaderboard", () => {
  it("names each ranked user from one profiles batch, leaves out a user without a profile, and closes up the ranks", async () => {
    const [ada, gone, alan] = ["00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b", "00000000-0000-4000-8000-00000000000c"];
    const profileBatches: string[][] = [];
    const ctx = {
      requestId: "test-request-0001",
      config: { RPC_TIMEOUT_MS: 1_000 },
      metrics: { record: () => {} },
      log: { info: () => {}, error: () => {} },
      env: {
        TRADING: {
          leaderboard: async (_meta: unknown, first: number) => ({
            ok: true,
            value: [ada, gone, alan].slice(0, first).map((userId, i) => ({ rank: i + 1, userId, totalReturnPercent: 10 - i, since: "2026-12-01T15:00:00.000Z" })),
          }),
        },
        USER: {
          profiles: async (_meta: unknown, ids: string[]) => {
            profileBatches.push(ids);
            const names: Record<string, { firstName: string; lastName: string }> = { [ada]: { firstName: "Ada", lastName: "Lovelace" }, [alan]: { firstName: "Alan", lastName: "Turing" } };
            return { ok: true, value: Object.fromEntries(ids.filter((id) => names[id]).map((id) => [id, { userId: id, ...names[id] }])) };
          },
        },
      },
    } as unknown as GatewayContext;
    ctx.loaders = createLoaders(ctx);
    const leaderboard = (tradingResolvers.Query as Record<string, Field>)["leaderboard"]!;
    expect(await leaderboard({}, { first: 10 }, ctx, info)).toEqual([
      { rank: 1, displayName: "Ada L.", totalReturnPercent: 10, since: "2026-12-01T15:00:00.000Z" },
      { rank: 2, displayName: "Alan T.", totalReturnPercent: 8, since: "2026-12-01T15:00:00.000Z" },
    ]);
    expect(profileBatches).toEqual([[ada, gone, alan]]);
    await expect(Promise.resolve().then(() => leaderboard({}, { first: 101 }, ctx, info))).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "first" } });
  });
});

describe("the leaderboard's display name", () => {
  it.each([
    [{ firstName: "Ada", lastName: "Lovelace" }, "Ada L."],
    [{ firstName: "Émile", lastName: "Ünal" }, "Émile Ü."],
    // A decomposed Ü (U + combining diaeresis) is one grapheme: the initial keeps its accent.
    [{ firstName: "Jo", lastName: "U\u0308nal" }, "Jo U\u0308."],
    [{ firstName: "Kim", lastName: "Σαμαράς" }, "Kim Σ."],
  ])("%j is shown as %j", (profile, shown) => {
    expect(displayName(profile)).toBe(shown);
  });
});
