/**
 * Live data (live-data.graphql): each subscription is a stream of its owning service
 * (stock's QuoteFeed objects, the trading account's object) followed by live/streams.ts.
 */
import { MAX_WATCHED_SYMBOLS, type QuoteUpdate } from "../../../../stock/src/contract";
import type { OrderState } from "../../../../trading/src/contract";
import { symbolArg } from "../arguments";
import { badUserInput } from "../errors";
import { openLiveStream } from "../live/streams";
import { viewerId } from "../permissions";
import type { Resolvers } from "../resolvers.generated";
import { callMeta } from "../services";

/** Normalized and each counted once, checked before a lease is taken; the stock service says which are unknown. */
function watchedSymbols(values: readonly string[]): string[] {
  const symbols = [...new Set(values.map((value) => symbolArg(value, "symbols")))];
  if (symbols.length < 1 || symbols.length > MAX_WATCHED_SYMBOLS) {
    throw badUserInput("symbols", `give 1 to ${MAX_WATCHED_SYMBOLS} distinct symbols, not ${symbols.length}`);
  }
  return symbols;
}

export const liveResolvers: Resolvers = {
  Subscription: {
    quotes: {
      subscribe: (_root, { symbols }, ctx) => {
        const watched = watchedSymbols(symbols);
        return openLiveStream<QuoteUpdate>(ctx, {
          operation: "quotes",
          permission: "view_stocks",
          service: "stock",
          method: "watchQuotes",
          open: () => ctx.env.STOCK.watchQuotes(callMeta(ctx), watched),
        });
      },
      resolve: (update: QuoteUpdate) => update,
    },
    orderUpdates: {
      subscribe: (_root, _args, ctx) => {
        const userId = viewerId(ctx);
        return openLiveStream<OrderState>(ctx, {
          operation: "orderUpdates",
          permission: "trade",
          service: "trading",
          method: "watchOrders",
          open: () => ctx.env.TRADING.watchOrders(callMeta(ctx), userId),
        });
      },
      resolve: (order: OrderState) => order,
    },
  },
};
