/**
 * The largest lists the resolvers accept to return (more is BAD_USER_INPUT), for them and
 * for the response bound (hardening/response-maxima.ts). No imports: Node-side tests read it.
 */

/** `stocks(symbols:)`: at most this many symbols per call. */
export const MAX_STOCKS = 50;
/** `searchStocks(limit:)`. */
export const MAX_SEARCH_RESULTS = 25;
/** `users(first:)`. */
export const MAX_USERS_PAGE = 100;
/** `TradingAccount.orders(first:)` and `activity(first:)` (the trading contract's MAX_PAGE). */
export const MAX_TRADING_PAGE = 100;
/** `leaderboard(first:)`. */
export const MAX_LEADERBOARD = 100;
