/**
 * Paper trading (trading.graphql): the caller's account, orders and activity from the
 * trading service, priced here at the current quotes (valuation.ts) with one batched stock
 * call for every position of the request (the per-request `quotes` DataLoader), and the
 * leaderboard with display names from one batched `user.profiles` call.
 */
import type { AccountState, OrderInput } from "../../../../trading/src/contract";
import type { Profile } from "../../../../user/src/contract";
import { MAX_LEADERBOARD, MAX_TRADING_PAGE } from "../argument-maxima";
import { intArg, symbolArg } from "../arguments";
import type { GatewayContext } from "../context";
import { graphQLError } from "../errors";
import { rethrowFirst } from "../loaders";
import type { PositionModel, TradingAccountModel } from "../models";
import { viewerId } from "../permissions";
import type { PlaceOrderInput, Resolvers } from "../resolvers.generated";
import { callMeta, callService, unwrap } from "../services";
import { accountFigures, positionFigures, type AccountFigures } from "../valuation";

const owned = (state: AccountState, userId: string): TradingAccountModel => ({ ...state, userId });

/** The trading service names the fields of placeOrder's input on their own; the client sent them in `input`. */
const inInput = (field: string) => (field.startsWith("input") ? field : `input.${field}`);

function orderInput(input: PlaceOrderInput): OrderInput {
  return {
    symbol: symbolArg(input.symbol, "input.symbol"),
    side: input.side,
    // The schema's defaults: always set by GraphQL, optional only in the generated type.
    type: input.type ?? "MARKET",
    quantity: input.quantity,
    limitPrice: input.limitPrice ?? null,
    stopPrice: input.stopPrice ?? null,
    timeInForce: input.timeInForce ?? "DAY",
    clientOrderId: input.clientOrderId ?? null,
  };
}

/** The current quote's price of each symbol, from one batched call; null when no quote can be had. */
async function quotePrices(ctx: GatewayContext, symbols: string[]): Promise<(symbol: string) => number | null> {
  const quotes = rethrowFirst(await ctx.loaders.quotes.loadMany(symbols));
  const bySymbol = new Map(symbols.map((symbol, i) => [symbol, quotes[i]?.price ?? null]));
  return (symbol) => bySymbol.get(symbol) ?? null;
}

/**
 * A sum over some of the positions would be a wrong equity, so a position without a quote
 * makes the account's quote-dependent figures SERVICE_UNAVAILABLE (errors.md). They are
 * non-null: the error nulls the account, while a query of the ledger fields and positions
 * alone still answers.
 */
async function figure<K extends keyof AccountFigures>(ctx: GatewayContext, account: TradingAccountModel, name: K): Promise<AccountFigures[K]> {
  const result = accountFigures(account, await quotePrices(ctx, account.positions.map((p) => p.symbol)));
  if ("unpriced" in result) {
    throw graphQLError("SERVICE_UNAVAILABLE", `No quote can be had right now for ${result.unpriced.join(", ")}: the account's ${name} needs every position's price.`, {
      service: "stock",
    });
  }
  return result.figures[name];
}

async function positionFigure(ctx: GatewayContext, position: PositionModel) {
  const price = (await quotePrices(ctx, [position.symbol]))(position.symbol);
  return positionFigures(position, price);
}

/** "Ada L.": the first name and the last name's first character (a grapheme: "Ünal" is "Ü"). */
export function displayName(profile: Pick<Profile, "firstName" | "lastName">): string {
  const [initial] = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(profile.lastName);
  return initial ? `${profile.firstName} ${initial.segment}.` : profile.firstName;
}

const trading = (ctx: GatewayContext) => ctx.env.TRADING;

export const tradingResolvers: Resolvers = {
  Query: {
    leaderboard: async (_root, args, ctx) => {
      const first = intArg("first", args.first ?? 10, 1, MAX_LEADERBOARD);
      const rows = unwrap(await callService(ctx, "trading", "leaderboard", () => trading(ctx).leaderboard(callMeta(ctx), first)));
      const profiles = rethrowFirst(await ctx.loaders.profiles.loadMany(rows.map((row) => row.userId)));
      // A user deleted since the read model's last refresh has no profile left: not listed,
      // and the ranks below close up (as the trading service numbers what it serves).
      const listed = rows.flatMap((row, i) => {
        const profile = profiles[i];
        return profile ? [{ displayName: displayName(profile), totalReturnPercent: row.totalReturnPercent, since: row.since }] : [];
      });
      return listed.map((entry, i) => ({ rank: i + 1, ...entry }));
    },
  },
  Viewer: {
    tradingAccount: async (viewer, _args, ctx) => {
      const state = unwrap(await callService(ctx, "trading", "account", () => trading(ctx).account(callMeta(ctx), viewer.userId)));
      return state ? owned(state, viewer.userId) : null;
    },
  },
  Mutation: {
    openTradingAccount: async (_root, _args, ctx) => {
      const userId = viewerId(ctx);
      return owned(unwrap(await callService(ctx, "trading", "openAccount", () => trading(ctx).openAccount(callMeta(ctx), userId))), userId);
    },
    deposit: async (_root, { amount }, ctx) => {
      const userId = viewerId(ctx);
      const result = await callService(ctx, "trading", "deposit", () => trading(ctx).deposit(callMeta(ctx), userId, amount));
      return owned(unwrap(result, () => "amount"), userId);
    },
    resetTradingAccount: async (_root, _args, ctx) => {
      const userId = viewerId(ctx);
      return owned(unwrap(await callService(ctx, "trading", "resetAccount", () => trading(ctx).resetAccount(callMeta(ctx), userId))), userId);
    },
    setLeaderboardVisibility: async (_root, { visible }, ctx) => {
      const userId = viewerId(ctx);
      const result = await callService(ctx, "trading", "setLeaderboardVisibility", () => trading(ctx).setLeaderboardVisibility(callMeta(ctx), userId, visible));
      return owned(unwrap(result, () => "visible"), userId);
    },
    placeOrder: async (_root, { input }, ctx) => {
      const userId = viewerId(ctx);
      const order = orderInput(input);
      return unwrap(await callService(ctx, "trading", "placeOrder", () => trading(ctx).placeOrder(callMeta(ctx), userId, order)), inInput);
    },
    cancelOrder: async (_root, { id }, ctx) => {
      const userId = viewerId(ctx);
      return unwrap(await callService(ctx, "trading", "cancelOrder", () => trading(ctx).cancelOrder(callMeta(ctx), userId, id)), () => "id");
    },
  },
  TradingAccount: {
    positionsValue: (account, _args, ctx) => figure(ctx, account, "positionsValue"),
    equity: (account, _args, ctx) => figure(ctx, account, "equity"),
    totalReturn: (account, _args, ctx) => figure(ctx, account, "totalReturn"),
    totalReturnPercent: (account, _args, ctx) => figure(ctx, account, "totalReturnPercent"),
    unrealizedPnl: (account, _args, ctx) => figure(ctx, account, "unrealizedPnl"),
    positions: (account) => account.positions,
    orders: async (account, args, ctx) => {
      const request = { first: intArg("first", args.first ?? 20, 1, MAX_TRADING_PAGE), after: args.after ?? null, status: args.status ?? null };
      return unwrap(await callService(ctx, "trading", "orders", () => trading(ctx).orders(callMeta(ctx), account.userId, request)));
    },
    order: async (account, { id }, ctx) =>
      unwrap(await callService(ctx, "trading", "order", () => trading(ctx).order(callMeta(ctx), account.userId, id)), () => "id"),
    activity: async (account, args, ctx) => {
      const request = { first: intArg("first", args.first ?? 20, 1, MAX_TRADING_PAGE), after: args.after ?? null };
      return unwrap(await callService(ctx, "trading", "activity", () => trading(ctx).activity(callMeta(ctx), account.userId, request)));
    },
    equityHistory: async (account, { period }, ctx) =>
      unwrap(await callService(ctx, "trading", "equityHistory", () => trading(ctx).equityHistory(callMeta(ctx), account.userId, period)), () => "period"),
  },
  Position: {
    stock: (position, _args, ctx) => ctx.loaders.instruments.load(position.symbol),
    marketPrice: async (position, _args, ctx) => (await positionFigure(ctx, position)).marketPrice,
    marketValue: async (position, _args, ctx) => (await positionFigure(ctx, position)).marketValue,
    unrealizedPnl: async (position, _args, ctx) => (await positionFigure(ctx, position)).unrealizedPnl,
    unrealizedPnlPercent: async (position, _args, ctx) => (await positionFigure(ctx, position)).unrealizedPnlPercent,
  },
};
