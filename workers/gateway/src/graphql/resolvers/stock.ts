/** Instruments, quotes, history and search, from the stock service. */
import { MAX_SEARCH_RESULTS, MAX_STOCKS } from "../argument-maxima";
import { intArg, symbolArg, symbolsArg, textArg } from "../arguments";
import { rethrowFirst } from "../loaders";
import type { Resolvers } from "../resolvers.generated";
import { callMeta, callService, unwrap } from "../services";

export const stockResolvers: Resolvers = {
  Query: {
    stock: (_root, { symbol }, ctx) => ctx.loaders.instruments.load(symbolArg(symbol)),
    stocks: async (_root, { symbols }, ctx) => {
      const asked = symbolsArg(symbols, MAX_STOCKS);
      const found = rethrowFirst(await ctx.loaders.instruments.loadMany(asked.filter((entry) => typeof entry === "string")));
      // A malformed entry is a rejected item: null in its place, its error at its path.
      let next = 0;
      return asked.map((entry) => (typeof entry === "string" ? (found[next++] ?? null) : Promise.reject(entry)));
    },
    searchStocks: async (_root, args, ctx) => {
      const query = textArg("query", args.query, 1, 64);
      const limit = intArg("limit", args.limit ?? 8, 1, MAX_SEARCH_RESULTS);
      return unwrap(await callService(ctx, "stock", "search", () => ctx.env.STOCK.search(callMeta(ctx), query, limit)));
    },
  },
  Stock: {
    quote: (stock, _args, ctx) => ctx.loaders.quotes.load(stock.symbol),
    history: async (stock, { period }, ctx) => (await ctx.loaders.history(period).load(stock.symbol)) ?? [],
  },
  WatchlistItem: {
    stock: (item, _args, ctx) => ctx.loaders.instruments.load(item.symbol),
  },
};
