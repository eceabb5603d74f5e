/**
 * The contract's "Requires: X" lines, declared once (enforced by permissions.ts). A test
 * keeps this map equal to the contract's descriptions. No imports: Node-side tests read it.
 */
export type Permission = "view_stocks" | "manage_own_profile" | "manage_own_watchlist" | "view_users" | "manage_roles" | "trade";

export const fieldPermissions = {
  "Query.stock": "view_stocks",
  "Query.stocks": "view_stocks",
  "Query.searchStocks": "view_stocks",
  "Query.user": "view_users",
  "Query.users": "view_users",
  "Query.roles": "manage_roles",
  "Mutation.updateProfile": "manage_own_profile",
  "Mutation.addToWatchlist": "manage_own_watchlist",
  "Mutation.removeFromWatchlist": "manage_own_watchlist",
  "Mutation.assignRole": "manage_roles",
  "Mutation.revokeRole": "manage_roles",
  "WatchlistItem.stock": "view_stocks",
  "Query.leaderboard": "view_stocks",
  "Viewer.tradingAccount": "trade",
  "Mutation.openTradingAccount": "trade",
  "Mutation.deposit": "trade",
  "Mutation.resetTradingAccount": "trade",
  "Mutation.placeOrder": "trade",
  "Mutation.cancelOrder": "trade",
  "Mutation.setLeaderboardVisibility": "trade",
  "Position.stock": "view_stocks",
  "Subscription.quotes": "view_stocks",
  "Subscription.orderUpdates": "trade",
} as const satisfies Record<string, Permission>;
