/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment Session on Viewer {\n    id\n    email\n    roles\n    permissions\n    profile {\n      firstName\n      lastName\n    }\n  }\n": typeof types.SessionFragmentDoc,
    "\n  query Session {\n    me {\n      ...Session\n    }\n  }\n": typeof types.SessionDocument,
    "\n  fragment WatchlistRow on WatchlistItem {\n    symbol\n    stock {\n      symbol\n      name\n      currency\n      quote {\n        price\n        change\n        changePercent\n        stale\n      }\n    }\n  }\n": typeof types.WatchlistRowFragmentDoc,
    "\n  subscription LiveOrders {\n    orderUpdates {\n      ...OrderRow\n    }\n  }\n": typeof types.LiveOrdersDocument,
    "\n  fragment FullQuote on Quote {\n    price\n    open\n    previousClose\n    change\n    changePercent\n    volume\n    marketCap\n    dayLow\n    dayHigh\n    yearLow\n    yearHigh\n    source\n    asOf\n    marketState\n    stale\n  }\n": typeof types.FullQuoteFragmentDoc,
    "\n  subscription LiveQuotes($symbols: [String!]!) {\n    quotes(symbols: $symbols) {\n      symbol\n      quote {\n        ...FullQuote\n      }\n    }\n  }\n": typeof types.LiveQuotesDocument,
    "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          roles\n          createdAt\n          profile {\n            firstName\n            lastName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation AssignRole($userId: ID!, $role: String!) {\n    assignRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n": typeof types.AssignRoleDocument,
    "\n  mutation RevokeRole($userId: ID!, $role: String!) {\n    revokeRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n": typeof types.RevokeRoleDocument,
    "\n  fragment DashboardAccount on TradingAccount {\n    ...AccountFigures\n    equityHistory(period: FIVE_DAYS) {\n      date\n      equity\n    }\n    orders(first: 5) {\n      edges {\n        node {\n          ...OrderRow\n        }\n      }\n    }\n  }\n": typeof types.DashboardAccountFragmentDoc,
    "\n  query Home {\n    me {\n      ...Session\n      watchlist {\n        ...WatchlistRow\n      }\n      tradingAccount {\n        ...DashboardAccount\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  mutation OpenDashboardAccount {\n    openTradingAccount {\n      ...DashboardAccount\n    }\n  }\n": typeof types.OpenDashboardAccountDocument,
    "\n  query Leaderboard($first: Int!) {\n    me {\n      ...Session\n    }\n    leaderboard(first: $first) {\n      rank\n      displayName\n      totalReturnPercent\n      since\n    }\n  }\n": typeof types.LeaderboardDocument,
    "\n  fragment TicketAccount on TradingAccount {\n    id\n    currency\n    buyingPower\n    positions {\n      symbol\n      quantity\n      availableQuantity\n    }\n  }\n": typeof types.TicketAccountFragmentDoc,
    "\n  query TicketAccount {\n    me {\n      id\n      tradingAccount {\n        ...TicketAccount\n      }\n    }\n  }\n": typeof types.TicketAccountDocument,
    "\n  mutation OpenTicketAccount {\n    openTradingAccount {\n      ...TicketAccount\n    }\n  }\n": typeof types.OpenTicketAccountDocument,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      ...OrderRow\n    }\n  }\n": typeof types.PlaceOrderDocument,
    "\n  query Orders($status: OrderStatus, $first: Int!, $after: String) {\n    me {\n      ...Session\n      tradingAccount {\n        id\n        currency\n        orders(status: $status, first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              ...OrderRow\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrdersDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...OrderRow\n    }\n  }\n": typeof types.CancelOrderDocument,
    "\n  fragment PortfolioAccount on TradingAccount {\n    ...AccountFigures\n    positions {\n      symbol\n      stock {\n        symbol\n        name\n      }\n      quantity\n      averageCost\n      costBasis\n      marketPrice\n      marketValue\n      unrealizedPnl\n      unrealizedPnlPercent\n    }\n    equityHistory(period: $period) {\n      date\n      equity\n    }\n  }\n": typeof types.PortfolioAccountFragmentDoc,
    "\n  query Portfolio($period: HistoryPeriod!) {\n    me {\n      ...Session\n      tradingAccount {\n        ...PortfolioAccount\n      }\n    }\n  }\n": typeof types.PortfolioDocument,
    "\n  query PortfolioEquity($period: HistoryPeriod!) {\n    me {\n      id\n      tradingAccount {\n        id\n        equityHistory(period: $period) {\n          date\n          equity\n        }\n      }\n    }\n  }\n": typeof types.PortfolioEquityDocument,
    "\n  mutation OpenPortfolioAccount($period: HistoryPeriod!) {\n    openTradingAccount {\n      ...PortfolioAccount\n    }\n  }\n": typeof types.OpenPortfolioAccountDocument,
    "\n  mutation Deposit($amount: Decimal!, $period: HistoryPeriod!) {\n    deposit(amount: $amount) {\n      ...PortfolioAccount\n    }\n  }\n": typeof types.DepositDocument,
    "\n  mutation ResetAccount($period: HistoryPeriod!) {\n    resetTradingAccount {\n      ...PortfolioAccount\n    }\n  }\n": typeof types.ResetAccountDocument,
    "\n  query SearchPage($query: String!, $searching: Boolean!, $limit: Int!) {\n    me {\n      ...Session\n    }\n    searchStocks(query: $query, limit: $limit) @include(if: $searching) {\n      symbol\n      name\n      exchange\n      instrumentType\n    }\n  }\n": typeof types.SearchPageDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      firstName\n      lastName\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  query Settings {\n    me {\n      ...Session\n      tradingAccount {\n        id\n        onLeaderboard\n      }\n    }\n  }\n": typeof types.SettingsDocument,
    "\n  mutation SetLeaderboardVisibility($visible: Boolean!) {\n    setLeaderboardVisibility(visible: $visible) {\n      id\n      onLeaderboard\n    }\n  }\n": typeof types.SetLeaderboardVisibilityDocument,
    "\n  query StockPage($symbol: String!, $period: HistoryPeriod!) {\n    me {\n      ...Session\n      watchlist {\n        symbol\n      }\n      tradingAccount {\n        ...TicketAccount\n      }\n    }\n    stock(symbol: $symbol) {\n      symbol\n      name\n      exchange\n      exchangeFullName\n      currency\n      instrumentType\n      quote {\n        ...FullQuote\n      }\n      history(period: $period) {\n        date\n        close\n      }\n    }\n  }\n": typeof types.StockPageDocument,
    "\n  mutation WatchStock($symbol: String!) {\n    addToWatchlist(symbol: $symbol) {\n      symbol\n    }\n  }\n": typeof types.WatchStockDocument,
    "\n  mutation UnwatchStock($symbol: String!) {\n    removeFromWatchlist(symbol: $symbol) {\n      symbol\n    }\n  }\n": typeof types.UnwatchStockDocument,
    "\n  query StockHistory($symbol: String!, $period: HistoryPeriod!) {\n    stock(symbol: $symbol) {\n      symbol\n      history(period: $period) {\n        date\n        close\n      }\n    }\n  }\n": typeof types.StockHistoryDocument,
    "\n  query WatchlistPage {\n    me {\n      ...Session\n      watchlist {\n        ...WatchlistRow\n      }\n    }\n  }\n": typeof types.WatchlistPageDocument,
    "\n  mutation RemoveWatchlistRow($symbol: String!) {\n    removeFromWatchlist(symbol: $symbol) {\n      ...WatchlistRow\n    }\n  }\n": typeof types.RemoveWatchlistRowDocument,
    "\n  fragment AccountFigures on TradingAccount {\n    id\n    currency\n    cash\n    buyingPower\n    equity\n    netDeposits\n    totalReturn\n    totalReturnPercent\n    realizedPnl\n    unrealizedPnl\n    onLeaderboard\n  }\n": typeof types.AccountFiguresFragmentDoc,
    "\n  fragment OrderRow on Order {\n    id\n    symbol\n    side\n    type\n    timeInForce\n    quantity\n    limitPrice\n    stopPrice\n    status\n    reason\n    averageFillPrice\n    cashAmount\n    createdAt\n    filledAt\n  }\n": typeof types.OrderRowFragmentDoc,
};
const documents: Documents = {
    "\n  fragment Session on Viewer {\n    id\n    email\n    roles\n    permissions\n    profile {\n      firstName\n      lastName\n    }\n  }\n": types.SessionFragmentDoc,
    "\n  query Session {\n    me {\n      ...Session\n    }\n  }\n": types.SessionDocument,
    "\n  fragment WatchlistRow on WatchlistItem {\n    symbol\n    stock {\n      symbol\n      name\n      currency\n      quote {\n        price\n        change\n        changePercent\n        stale\n      }\n    }\n  }\n": types.WatchlistRowFragmentDoc,
    "\n  subscription LiveOrders {\n    orderUpdates {\n      ...OrderRow\n    }\n  }\n": types.LiveOrdersDocument,
    "\n  fragment FullQuote on Quote {\n    price\n    open\n    previousClose\n    change\n    changePercent\n    volume\n    marketCap\n    dayLow\n    dayHigh\n    yearLow\n    yearHigh\n    source\n    asOf\n    marketState\n    stale\n  }\n": types.FullQuoteFragmentDoc,
    "\n  subscription LiveQuotes($symbols: [String!]!) {\n    quotes(symbols: $symbols) {\n      symbol\n      quote {\n        ...FullQuote\n      }\n    }\n  }\n": types.LiveQuotesDocument,
    "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          roles\n          createdAt\n          profile {\n            firstName\n            lastName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation AssignRole($userId: ID!, $role: String!) {\n    assignRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n": types.AssignRoleDocument,
    "\n  mutation RevokeRole($userId: ID!, $role: String!) {\n    revokeRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n": types.RevokeRoleDocument,
    "\n  fragment DashboardAccount on TradingAccount {\n    ...AccountFigures\n    equityHistory(period: FIVE_DAYS) {\n      date\n      equity\n    }\n    orders(first: 5) {\n      edges {\n        node {\n          ...OrderRow\n        }\n      }\n    }\n  }\n": types.DashboardAccountFragmentDoc,
    "\n  query Home {\n    me {\n      ...Session\n      watchlist {\n        ...WatchlistRow\n      }\n      tradingAccount {\n        ...DashboardAccount\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  mutation OpenDashboardAccount {\n    openTradingAccount {\n      ...DashboardAccount\n    }\n  }\n": types.OpenDashboardAccountDocument,
    "\n  query Leaderboard($first: Int!) {\n    me {\n      ...Session\n    }\n    leaderboard(first: $first) {\n      rank\n      displayName\n      totalReturnPercent\n      since\n    }\n  }\n": types.LeaderboardDocument,
    "\n  fragment TicketAccount on TradingAccount {\n    id\n    currency\n    buyingPower\n    positions {\n      symbol\n      quantity\n      availableQuantity\n    }\n  }\n": types.TicketAccountFragmentDoc,
    "\n  query TicketAccount {\n    me {\n      id\n      tradingAccount {\n        ...TicketAccount\n      }\n    }\n  }\n": types.TicketAccountDocument,
    "\n  mutation OpenTicketAccount {\n    openTradingAccount {\n      ...TicketAccount\n    }\n  }\n": types.OpenTicketAccountDocument,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      ...OrderRow\n    }\n  }\n": types.PlaceOrderDocument,
    "\n  query Orders($status: OrderStatus, $first: Int!, $after: String) {\n    me {\n      ...Session\n      tradingAccount {\n        id\n        currency\n        orders(status: $status, first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              ...OrderRow\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": types.OrdersDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...OrderRow\n    }\n  }\n": types.CancelOrderDocument,
    "\n  fragment PortfolioAccount on TradingAccount {\n    ...AccountFigures\n    positions {\n      symbol\n      stock {\n        symbol\n        name\n      }\n      quantity\n      averageCost\n      costBasis\n      marketPrice\n      marketValue\n      unrealizedPnl\n      unrealizedPnlPercent\n    }\n    equityHistory(period: $period) {\n      date\n      equity\n    }\n  }\n": types.PortfolioAccountFragmentDoc,
    "\n  query Portfolio($period: HistoryPeriod!) {\n    me {\n      ...Session\n      tradingAccount {\n        ...PortfolioAccount\n      }\n    }\n  }\n": types.PortfolioDocument,
    "\n  query PortfolioEquity($period: HistoryPeriod!) {\n    me {\n      id\n      tradingAccount {\n        id\n        equityHistory(period: $period) {\n          date\n          equity\n        }\n      }\n    }\n  }\n": types.PortfolioEquityDocument,
    "\n  mutation OpenPortfolioAccount($period: HistoryPeriod!) {\n    openTradingAccount {\n      ...PortfolioAccount\n    }\n  }\n": types.OpenPortfolioAccountDocument,
    "\n  mutation Deposit($amount: Decimal!, $period: HistoryPeriod!) {\n    deposit(amount: $amount) {\n      ...PortfolioAccount\n    }\n  }\n": types.DepositDocument,
    "\n  mutation ResetAccount($period: HistoryPeriod!) {\n    resetTradingAccount {\n      ...PortfolioAccount\n    }\n  }\n": types.ResetAccountDocument,
    "\n  query SearchPage($query: String!, $searching: Boolean!, $limit: Int!) {\n    me {\n      ...Session\n    }\n    searchStocks(query: $query, limit: $limit) @include(if: $searching) {\n      symbol\n      name\n      exchange\n      instrumentType\n    }\n  }\n": types.SearchPageDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      firstName\n      lastName\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  query Settings {\n    me {\n      ...Session\n      tradingAccount {\n        id\n        onLeaderboard\n      }\n    }\n  }\n": types.SettingsDocument,
    "\n  mutation SetLeaderboardVisibility($visible: Boolean!) {\n    setLeaderboardVisibility(visible: $visible) {\n      id\n      onLeaderboard\n    }\n  }\n": types.SetLeaderboardVisibilityDocument,
    "\n  query StockPage($symbol: String!, $period: HistoryPeriod!) {\n    me {\n      ...Session\n      watchlist {\n        symbol\n      }\n      tradingAccount {\n        ...TicketAccount\n      }\n    }\n    stock(symbol: $symbol) {\n      symbol\n      name\n      exchange\n      exchangeFullName\n      currency\n      instrumentType\n      quote {\n        ...FullQuote\n      }\n      history(period: $period) {\n        date\n        close\n      }\n    }\n  }\n": types.StockPageDocument,
    "\n  mutation WatchStock($symbol: String!) {\n    addToWatchlist(symbol: $symbol) {\n      symbol\n    }\n  }\n": types.WatchStockDocument,
    "\n  mutation UnwatchStock($symbol: String!) {\n    removeFromWatchlist(symbol: $symbol) {\n      symbol\n    }\n  }\n": types.UnwatchStockDocument,
    "\n  query StockHistory($symbol: String!, $period: HistoryPeriod!) {\n    stock(symbol: $symbol) {\n      symbol\n      history(period: $period) {\n        date\n        close\n      }\n    }\n  }\n": types.StockHistoryDocument,
    "\n  query WatchlistPage {\n    me {\n      ...Session\n      watchlist {\n        ...WatchlistRow\n      }\n    }\n  }\n": types.WatchlistPageDocument,
    "\n  mutation RemoveWatchlistRow($symbol: String!) {\n    removeFromWatchlist(symbol: $symbol) {\n      ...WatchlistRow\n    }\n  }\n": types.RemoveWatchlistRowDocument,
    "\n  fragment AccountFigures on TradingAccount {\n    id\n    currency\n    cash\n    buyingPower\n    equity\n    netDeposits\n    totalReturn\n    totalReturnPercent\n    realizedPnl\n    unrealizedPnl\n    onLeaderboard\n  }\n": types.AccountFiguresFragmentDoc,
    "\n  fragment OrderRow on Order {\n    id\n    symbol\n    side\n    type\n    timeInForce\n    quantity\n    limitPrice\n    stopPrice\n    status\n    reason\n    averageFillPrice\n    cashAmount\n    createdAt\n    filledAt\n  }\n": types.OrderRowFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Session on Viewer {\n    id\n    email\n    roles\n    permissions\n    profile {\n      firstName\n      lastName\n    }\n  }\n"): (typeof documents)["\n  fragment Session on Viewer {\n    id\n    email\n    roles\n    permissions\n    profile {\n      firstName\n      lastName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Session {\n    me {\n      ...Session\n    }\n  }\n"): (typeof documents)["\n  query Session {\n    me {\n      ...Session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WatchlistRow on WatchlistItem {\n    symbol\n    stock {\n      symbol\n      name\n      currency\n      quote {\n        price\n        change\n        changePercent\n        stale\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WatchlistRow on WatchlistItem {\n    symbol\n    stock {\n      symbol\n      name\n      currency\n      quote {\n        price\n        change\n        changePercent\n        stale\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveOrders {\n    orderUpdates {\n      ...OrderRow\n    }\n  }\n"): (typeof documents)["\n  subscription LiveOrders {\n    orderUpdates {\n      ...OrderRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FullQuote on Quote {\n    price\n    open\n    previousClose\n    change\n    changePercent\n    volume\n    marketCap\n    dayLow\n    dayHigh\n    yearLow\n    yearHigh\n    source\n    asOf\n    marketState\n    stale\n  }\n"): (typeof documents)["\n  fragment FullQuote on Quote {\n    price\n    open\n    previousClose\n    change\n    changePercent\n    volume\n    marketCap\n    dayLow\n    dayHigh\n    yearLow\n    yearHigh\n    source\n    asOf\n    marketState\n    stale\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveQuotes($symbols: [String!]!) {\n    quotes(symbols: $symbols) {\n      symbol\n      quote {\n        ...FullQuote\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveQuotes($symbols: [String!]!) {\n    quotes(symbols: $symbols) {\n      symbol\n      quote {\n        ...FullQuote\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          roles\n          createdAt\n          profile {\n            firstName\n            lastName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          roles\n          createdAt\n          profile {\n            firstName\n            lastName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignRole($userId: ID!, $role: String!) {\n    assignRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation AssignRole($userId: ID!, $role: String!) {\n    assignRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($userId: ID!, $role: String!) {\n    revokeRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeRole($userId: ID!, $role: String!) {\n    revokeRole(userId: $userId, role: $role) {\n      id\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardAccount on TradingAccount {\n    ...AccountFigures\n    equityHistory(period: FIVE_DAYS) {\n      date\n      equity\n    }\n    orders(first: 5) {\n      edges {\n        node {\n          ...OrderRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardAccount on TradingAccount {\n    ...AccountFigures\n    equityHistory(period: FIVE_DAYS) {\n      date\n      equity\n    }\n    orders(first: 5) {\n      edges {\n        node {\n          ...OrderRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      ...Session\n      watchlist {\n        ...WatchlistRow\n      }\n      tradingAccount {\n        ...DashboardAccount\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    me {\n      ...Session\n      watchlist {\n        ...WatchlistRow\n      }\n      tradingAccount {\n        ...DashboardAccount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenDashboardAccount {\n    openTradingAccount {\n      ...DashboardAccount\n    }\n  }\n"): (typeof documents)["\n  mutation OpenDashboardAccount {\n    openTradingAccount {\n      ...DashboardAccount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($first: Int!) {\n    me {\n      ...Session\n    }\n    leaderboard(first: $first) {\n      rank\n      displayName\n      totalReturnPercent\n      since\n    }\n  }\n"): (typeof documents)["\n  query Leaderboard($first: Int!) {\n    me {\n      ...Session\n    }\n    leaderboard(first: $first) {\n      rank\n      displayName\n      totalReturnPercent\n      since\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketAccount on TradingAccount {\n    id\n    currency\n    buyingPower\n    positions {\n      symbol\n      quantity\n      availableQuantity\n    }\n  }\n"): (typeof documents)["\n  fragment TicketAccount on TradingAccount {\n    id\n    currency\n    buyingPower\n    positions {\n      symbol\n      quantity\n      availableQuantity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketAccount {\n    me {\n      id\n      tradingAccount {\n        ...TicketAccount\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketAccount {\n    me {\n      id\n      tradingAccount {\n        ...TicketAccount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenTicketAccount {\n    openTradingAccount {\n      ...TicketAccount\n    }\n  }\n"): (typeof documents)["\n  mutation OpenTicketAccount {\n    openTradingAccount {\n      ...TicketAccount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      ...OrderRow\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      ...OrderRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Orders($status: OrderStatus, $first: Int!, $after: String) {\n    me {\n      ...Session\n      tradingAccount {\n        id\n        currency\n        orders(status: $status, first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              ...OrderRow\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Orders($status: OrderStatus, $first: Int!, $after: String) {\n    me {\n      ...Session\n      tradingAccount {\n        id\n        currency\n        orders(status: $status, first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              ...OrderRow\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...OrderRow\n    }\n  }\n"): (typeof documents)["\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...OrderRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortfolioAccount on TradingAccount {\n    ...AccountFigures\n    positions {\n      symbol\n      stock {\n        symbol\n        name\n      }\n      quantity\n      averageCost\n      costBasis\n      marketPrice\n      marketValue\n      unrealizedPnl\n      unrealizedPnlPercent\n    }\n    equityHistory(period: $period) {\n      date\n      equity\n    }\n  }\n"): (typeof documents)["\n  fragment PortfolioAccount on TradingAccount {\n    ...AccountFigures\n    positions {\n      symbol\n      stock {\n        symbol\n        name\n      }\n      quantity\n      averageCost\n      costBasis\n      marketPrice\n      marketValue\n      unrealizedPnl\n      unrealizedPnlPercent\n    }\n    equityHistory(period: $period) {\n      date\n      equity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Portfolio($period: HistoryPeriod!) {\n    me {\n      ...Session\n      tradingAccount {\n        ...PortfolioAccount\n      }\n    }\n  }\n"): (typeof documents)["\n  query Portfolio($period: HistoryPeriod!) {\n    me {\n      ...Session\n      tradingAccount {\n        ...PortfolioAccount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortfolioEquity($period: HistoryPeriod!) {\n    me {\n      id\n      tradingAccount {\n        id\n        equityHistory(period: $period) {\n          date\n          equity\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortfolioEquity($period: HistoryPeriod!) {\n    me {\n      id\n      tradingAccount {\n        id\n        equityHistory(period: $period) {\n          date\n          equity\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenPortfolioAccount($period: HistoryPeriod!) {\n    openTradingAccount {\n      ...PortfolioAccount\n    }\n  }\n"): (typeof documents)["\n  mutation OpenPortfolioAccount($period: HistoryPeriod!) {\n    openTradingAccount {\n      ...PortfolioAccount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Deposit($amount: Decimal!, $period: HistoryPeriod!) {\n    deposit(amount: $amount) {\n      ...PortfolioAccount\n    }\n  }\n"): (typeof documents)["\n  mutation Deposit($amount: Decimal!, $period: HistoryPeriod!) {\n    deposit(amount: $amount) {\n      ...PortfolioAccount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetAccount($period: HistoryPeriod!) {\n    resetTradingAccount {\n      ...PortfolioAccount\n    }\n  }\n"): (typeof documents)["\n  mutation ResetAccount($period: HistoryPeriod!) {\n    resetTradingAccount {\n      ...PortfolioAccount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPage($query: String!, $searching: Boolean!, $limit: Int!) {\n    me {\n      ...Session\n    }\n    searchStocks(query: $query, limit: $limit) @include(if: $searching) {\n      symbol\n      name\n      exchange\n      instrumentType\n    }\n  }\n"): (typeof documents)["\n  query SearchPage($query: String!, $searching: Boolean!, $limit: Int!) {\n    me {\n      ...Session\n    }\n    searchStocks(query: $query, limit: $limit) @include(if: $searching) {\n      symbol\n      name\n      exchange\n      instrumentType\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      firstName\n      lastName\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      firstName\n      lastName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    me {\n      ...Session\n      tradingAccount {\n        id\n        onLeaderboard\n      }\n    }\n  }\n"): (typeof documents)["\n  query Settings {\n    me {\n      ...Session\n      tradingAccount {\n        id\n        onLeaderboard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLeaderboardVisibility($visible: Boolean!) {\n    setLeaderboardVisibility(visible: $visible) {\n      id\n      onLeaderboard\n    }\n  }\n"): (typeof documents)["\n  mutation SetLeaderboardVisibility($visible: Boolean!) {\n    setLeaderboardVisibility(visible: $visible) {\n      id\n      onLeaderboard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockPage($symbol: String!, $period: HistoryPeriod!) {\n    me {\n      ...Session\n      watchlist {\n        symbol\n      }\n      tradingAccount {\n        ...TicketAccount\n      }\n    }\n    stock(symbol: $symbol) {\n      symbol\n      name\n      exchange\n      exchangeFullName\n      currency\n      instrumentType\n      quote {\n        ...FullQuote\n      }\n      history(period: $period) {\n        date\n        close\n      }\n    }\n  }\n"): (typeof documents)["\n  query StockPage($symbol: String!, $period: HistoryPeriod!) {\n    me {\n      ...Session\n      watchlist {\n        symbol\n      }\n      tradingAccount {\n        ...TicketAccount\n      }\n    }\n    stock(symbol: $symbol) {\n      symbol\n      name\n      exchange\n      exchangeFullName\n      currency\n      instrumentType\n      quote {\n        ...FullQuote\n      }\n      history(period: $period) {\n        date\n        close\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WatchStock($symbol: String!) {\n    addToWatchlist(symbol: $symbol) {\n      symbol\n    }\n  }\n"): (typeof documents)["\n  mutation WatchStock($symbol: String!) {\n    addToWatchlist(symbol: $symbol) {\n      symbol\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnwatchStock($symbol: String!) {\n    removeFromWatchlist(symbol: $symbol) {\n      symbol\n    }\n  }\n"): (typeof documents)["\n  mutation UnwatchStock($symbol: String!) {\n    removeFromWatchlist(symbol: $symbol) {\n      symbol\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockHistory($symbol: String!, $period: HistoryPeriod!) {\n    stock(symbol: $symbol) {\n      symbol\n      history(period: $period) {\n        date\n        close\n      }\n    }\n  }\n"): (typeof documents)["\n  query StockHistory($symbol: String!, $period: HistoryPeriod!) {\n    stock(symbol: $symbol) {\n      symbol\n      history(period: $period) {\n        date\n        close\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WatchlistPage {\n    me {\n      ...Session\n      watchlist {\n        ...WatchlistRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query WatchlistPage {\n    me {\n      ...Session\n      watchlist {\n        ...WatchlistRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWatchlistRow($symbol: String!) {\n    removeFromWatchlist(symbol: $symbol) {\n      ...WatchlistRow\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveWatchlistRow($symbol: String!) {\n    removeFromWatchlist(symbol: $symbol) {\n      ...WatchlistRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountFigures on TradingAccount {\n    id\n    currency\n    cash\n    buyingPower\n    equity\n    netDeposits\n    totalReturn\n    totalReturnPercent\n    realizedPnl\n    unrealizedPnl\n    onLeaderboard\n  }\n"): (typeof documents)["\n  fragment AccountFigures on TradingAccount {\n    id\n    currency\n    cash\n    buyingPower\n    equity\n    netDeposits\n    totalReturn\n    totalReturnPercent\n    realizedPnl\n    unrealizedPnl\n    onLeaderboard\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderRow on Order {\n    id\n    symbol\n    side\n    type\n    timeInForce\n    quantity\n    limitPrice\n    stopPrice\n    status\n    reason\n    averageFillPrice\n    cashAmount\n    createdAt\n    filledAt\n  }\n"): (typeof documents)["\n  fragment OrderRow on Order {\n    id\n    symbol\n    side\n    type\n    timeInForce\n    quantity\n    limitPrice\n    stopPrice\n    status\n    reason\n    averageFillPrice\n    cashAmount\n    createdAt\n    filledAt\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;