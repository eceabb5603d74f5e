import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { StockModel, ViewerModel, UserModel, ProfileModel, WatchlistItemModel, RoleModel, TradingAccountModel, PositionModel, OrderModel, ActivityEntryModel } from './models';
import type { GatewayContext } from './context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD (exchange-local trading day). */
  Date: { input: string; output: string; }
  /** An instant in time, ISO-8601 in UTC with millisecond precision, e.g. 2026-11-24T14:03:07.123Z. */
  DateTime: { input: string; output: string; }
  /**
   * An exact decimal number, written as a string: "100000.00", "0.5", "-12.3456". Never a
   * binary float. Money has 2 decimal places on output; prices and quantities up to 4. Inputs
   * are strings too (a JSON number is BAD_USER_INPUT).
   */
  Decimal: { input: string; output: string; }
};

export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  edges: Array<ActivityEdge>;
  pageInfo: PageInfo;
};

export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  cursor: Scalars['String']['output'];
  node: ActivityEntry;
};

export type ActivityEntry = {
  __typename?: 'ActivityEntry';
  /** Signed cash change: positive for cash in. */
  amount: Scalars['Decimal']['output'];
  at: Scalars['DateTime']['output'];
  /** Cash right after this entry. */
  cashAfter: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  kind: ActivityKind;
  /** The order behind a BUY or SELL. */
  order?: Maybe<Order>;
};

export type ActivityKind =
  | 'BUY'
  | 'DEPOSIT'
  | 'OPENING_CASH'
  | 'RESET'
  | 'SELL';

export type Candle = {
  __typename?: 'Candle';
  /** close - previous bar's close (0 for the first bar of the whole series) */
  change: Scalars['Float']['output'];
  changePercent: Scalars['Float']['output'];
  close: Scalars['Float']['output'];
  date: Scalars['Date']['output'];
  high: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
  open: Scalars['Float']['output'];
  volume: Scalars['Float']['output'];
};

export type EquityPoint = {
  __typename?: 'EquityPoint';
  date: Scalars['Date']['output'];
  equity: Scalars['Decimal']['output'];
};

export type Health = {
  __typename?: 'Health';
  services: Array<ServiceHealth>;
  /** "ok" when every service answered, "degraded" otherwise. */
  status: Scalars['String']['output'];
};

export type HistoryPeriod =
  | 'FIVE_DAYS'
  | 'FIVE_YEARS'
  | 'MAX'
  | 'ONE_DAY'
  | 'ONE_MONTH'
  | 'ONE_YEAR'
  | 'SIX_MONTHS'
  | 'THREE_MONTHS'
  | 'TWO_YEARS'
  | 'YEAR_TO_DATE';

export type InstrumentType =
  | 'CRYPTOCURRENCY'
  | 'CURRENCY'
  | 'EQUITY'
  | 'ETF'
  | 'FUTURE'
  | 'INDEX'
  | 'MUTUALFUND'
  | 'OTHER';

export type LeaderboardEntry = {
  __typename?: 'LeaderboardEntry';
  /** The profile's first name and the initial of the last name, e.g. "Ada L.". */
  displayName: Scalars['String']['output'];
  rank: Scalars['Int']['output'];
  /** When the ranked account was opened or last reset. */
  since: Scalars['DateTime']['output'];
  totalReturnPercent: Scalars['Float']['output'];
};

export type MarketState =
  | 'CLOSED'
  | 'POST'
  | 'PRE'
  | 'REGULAR';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Add a symbol to the caller's watchlist (idempotent; at most 100 symbols, else
   * BAD_USER_INPUT; unknown symbols are BAD_USER_INPUT). Requires: manage_own_watchlist
   */
  addToWatchlist: Array<WatchlistItem>;
  /** Grant a role to a user (idempotent). Requires: manage_roles */
  assignRole: User;
  /**
   * Cancel an open order (idempotent for an already canceled one). A filled, expired or
   * rejected order is BAD_USER_INPUT; an order of another account is NOT_FOUND. Requires: trade
   */
  cancelOrder: Order;
  /**
   * Add paper cash: 0.01 to 1,000,000.00 a time; cash may not exceed 10,000,000.00.
   * NOT_FOUND without an account. Requires: trade
   */
  deposit: TradingAccount;
  /**
   * Open the caller's paper-trading account with the starting cash (idempotent: a second
   * call answers the same account). Requires: trade
   */
  openTradingAccount: TradingAccount;
  /**
   * Place an order. Arguments that break the rules of trading.md are BAD_USER_INPUT and
   * create nothing; an order the account cannot carry is created with status REJECTED and
   * its reason. The answer shows the order after immediate matching. Requires: trade
   */
  placeOrder: Order;
  /** Remove a symbol from the caller's watchlist (idempotent). Requires: manage_own_watchlist */
  removeFromWatchlist: Array<WatchlistItem>;
  /**
   * Start over: open orders are canceled (reason ACCOUNT_RESET), positions are dropped,
   * cash and net deposits return to the starting cash. Order history stays. Requires: trade
   */
  resetTradingAccount: TradingAccount;
  /**
   * Take a role from a user (idempotent). A caller cannot remove the last admin. Takes
   * effect at once: from the moment this answers, no request of that user is granted the
   * permissions of the revoked role, whatever token it carries. Requires: manage_roles
   */
  revokeRole: User;
  /**
   * Whether the caller's account appears on the leaderboard (off until turned on).
   * Requires: trade
   */
  setLeaderboardVisibility: TradingAccount;
  /** Change the caller's own profile. Requires: manage_own_profile */
  updateProfile: Profile;
};


export type MutationAddToWatchlistArgs = {
  symbol: Scalars['String']['input'];
};


export type MutationAssignRoleArgs = {
  role: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDepositArgs = {
  amount: Scalars['Decimal']['input'];
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationRemoveFromWatchlistArgs = {
  symbol: Scalars['String']['input'];
};


export type MutationRevokeRoleArgs = {
  role: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationSetLeaderboardVisibilityArgs = {
  visible: Scalars['Boolean']['input'];
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

export type Order = {
  __typename?: 'Order';
  averageFillPrice?: Maybe<Scalars['Decimal']['output']>;
  /** What the fill moved in cash: quantity * fill price, to the cent (negative for a buy). */
  cashAmount?: Maybe<Scalars['Decimal']['output']>;
  clientOrderId?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  filledAt?: Maybe<Scalars['DateTime']['output']>;
  /** 0 or quantity: fills are never partial (trading.md). */
  filledQuantity: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  limitPrice?: Maybe<Scalars['Decimal']['output']>;
  quantity: Scalars['Decimal']['output'];
  /** Why it was rejected, canceled or expired; null otherwise. */
  reason?: Maybe<OrderReason>;
  /** What an open buy order holds back from buying power. */
  reservedCash: Scalars['Decimal']['output'];
  side: OrderSide;
  status: OrderStatus;
  stopPrice?: Maybe<Scalars['Decimal']['output']>;
  symbol: Scalars['String']['output'];
  timeInForce: TimeInForce;
  /** When a stop order was triggered. */
  triggeredAt?: Maybe<Scalars['DateTime']['output']>;
  type: OrderType;
  updatedAt: Scalars['DateTime']['output'];
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

export type OrderReason =
  | 'ACCOUNT_RESET'
  | 'CANCELED_BY_USER'
  | 'END_OF_DAY'
  | 'INSUFFICIENT_BUYING_POWER'
  | 'INSUFFICIENT_POSITION'
  | 'MARKET_CLOSED'
  | 'NOT_IMMEDIATELY_FILLABLE'
  | 'NOT_TRADABLE'
  | 'NO_QUOTE'
  | 'TIME_LIMIT';

export type OrderSide =
  | 'BUY'
  | 'SELL';

export type OrderStatus =
  | 'CANCELED'
  | 'EXPIRED'
  | 'FILLED'
  /** Accepted and waiting: a limit not yet reached, or a stop not yet triggered. */
  | 'OPEN'
  | 'REJECTED';

export type OrderType =
  | 'LIMIT'
  | 'MARKET'
  | 'STOP'
  | 'STOP_LIMIT';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PlaceOrderInput = {
  /**
   * 1 to 64 of A-Z a-z 0-9 . _ : -. Placing again with the same id answers the first
   * order and creates nothing.
   */
  clientOrderId?: InputMaybe<Scalars['String']['input']>;
  /** Required for LIMIT and STOP_LIMIT, refused otherwise. Above 0, at most 4 decimals. */
  limitPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Above 0, at most 1,000,000, at most 4 decimal places. */
  quantity: Scalars['Decimal']['input'];
  side: OrderSide;
  /** Required for STOP and STOP_LIMIT, refused otherwise. Above 0, at most 4 decimals. */
  stopPrice?: InputMaybe<Scalars['Decimal']['input']>;
  symbol: Scalars['String']['input'];
  timeInForce?: TimeInForce;
  type?: OrderType;
};

export type Position = {
  __typename?: 'Position';
  /** quantity minus what open sell orders hold. */
  availableQuantity: Scalars['Decimal']['output'];
  /** costBasis / quantity, rounded to 4 decimals (trading.md). */
  averageCost: Scalars['Decimal']['output'];
  /** The cash paid for the shares still held (trading.md). */
  costBasis: Scalars['Decimal']['output'];
  /** The current quote's price; null when no quote can be had. */
  marketPrice?: Maybe<Scalars['Decimal']['output']>;
  marketValue?: Maybe<Scalars['Decimal']['output']>;
  quantity: Scalars['Decimal']['output'];
  /** Requires: view_stocks */
  stock?: Maybe<Stock>;
  symbol: Scalars['String']['output'];
  unrealizedPnl?: Maybe<Scalars['Decimal']['output']>;
  unrealizedPnlPercent?: Maybe<Scalars['Float']['output']>;
};

export type Profile = {
  __typename?: 'Profile';
  createdAt: Scalars['DateTime']['output'];
  firstName: Scalars['String']['output'];
  lastName: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * Whether the caller holds a permission. Unknown permission names answer false. Public
   * (answers false when signed out).
   */
  hasPermission: Scalars['Boolean']['output'];
  /** Liveness of the gateway and every internal service it depends on. Public. */
  health: Health;
  /**
   * The best paper-trading returns among accounts that chose to be listed, best first.
   * first: 1 to 100. Requires: view_stocks
   */
  leaderboard: Array<LeaderboardEntry>;
  /** The signed-in caller, or null when the request carries no valid token. Public. */
  me?: Maybe<Viewer>;
  /** Every role with its permissions. Requires: manage_roles */
  roles: Array<Role>;
  /**
   * Instruments whose symbol or name matches the query, best match first.
   * query: 1 to 64 characters after trimming; limit: 1 to 25. Requires: view_stocks
   */
  searchStocks: Array<StockSearchResult>;
  /**
   * One instrument by symbol; null when the symbol is unknown to every provider.
   * Requires: view_stocks
   */
  stock?: Maybe<Stock>;
  /**
   * Many instruments in one call, in the order asked; null entries for unknown symbols.
   * 1 to 50 symbols, else BAD_USER_INPUT. Requires: view_stocks
   */
  stocks: Array<Maybe<Stock>>;
  /** Any user by id; null when no such user. Requires: view_users */
  user?: Maybe<User>;
  /** All users, newest first, cursor-paginated. first: 1 to 100. Requires: view_users */
  users: UserConnection;
};


export type QueryHasPermissionArgs = {
  permission: Scalars['String']['input'];
};


export type QueryLeaderboardArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchStocksArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryStockArgs = {
  symbol: Scalars['String']['input'];
};


export type QueryStocksArgs = {
  symbols: Array<Scalars['String']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Quote = {
  __typename?: 'Quote';
  /** When the provider says the price was observed. */
  asOf: Scalars['DateTime']['output'];
  /** price - previousClose */
  change: Scalars['Float']['output'];
  /** change / previousClose * 100 */
  changePercent: Scalars['Float']['output'];
  dayHigh: Scalars['Float']['output'];
  dayLow: Scalars['Float']['output'];
  marketCap?: Maybe<Scalars['Float']['output']>;
  marketState: MarketState;
  open: Scalars['Float']['output'];
  previousClose: Scalars['Float']['output'];
  price: Scalars['Float']['output'];
  /** Which provider produced it, e.g. "simulated", "yahoo", "fmp". */
  source: Scalars['String']['output'];
  /** True when the provider failed and this is the last known quote, older than the freshness window. */
  stale: Scalars['Boolean']['output'];
  volume: Scalars['Float']['output'];
  yearHigh: Scalars['Float']['output'];
  yearLow: Scalars['Float']['output'];
};

export type QuoteUpdate = {
  __typename?: 'QuoteUpdate';
  quote: Quote;
  symbol: Scalars['String']['output'];
};

export type Role = {
  __typename?: 'Role';
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
  permissions: Array<Scalars['String']['output']>;
};

export type ServiceHealth = {
  __typename?: 'ServiceHealth';
  latencyMs: Scalars['Float']['output'];
  /** gateway, auth, security, user, stock */
  name: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
};

export type Stock = {
  __typename?: 'Stock';
  currency: Scalars['String']['output'];
  exchange: Scalars['String']['output'];
  exchangeFullName: Scalars['String']['output'];
  /**
   * Daily bars, oldest first. ONE_DAY and FIVE_DAYS cover the last 1 and 5 trading days,
   * whatever the weekday.
   */
  history: Array<Candle>;
  instrumentType: InstrumentType;
  name: Scalars['String']['output'];
  /** Latest quote; null only when no provider can produce one and nothing is cached. */
  quote?: Maybe<Quote>;
  symbol: Scalars['String']['output'];
};


export type StockHistoryArgs = {
  period?: InputMaybe<HistoryPeriod>;
};

export type StockSearchResult = {
  __typename?: 'StockSearchResult';
  exchange: Scalars['String']['output'];
  instrumentType: InstrumentType;
  name: Scalars['String']['output'];
  symbol: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The caller's orders, each time one is placed or changes status. Requires: trade */
  orderUpdates: Order;
  /**
   * Live quotes: first the current quote of each symbol (1 to 50, else BAD_USER_INPUT),
   * then a symbol's new quote each time it changes. Requires: view_stocks
   */
  quotes: QuoteUpdate;
};


export type SubscriptionQuotesArgs = {
  symbols: Array<Scalars['String']['input']>;
};

export type TimeInForce =
  /** Until the end of the exchange's regular session (16:00 New York time) after it was placed. */
  | 'DAY'
  /** Fill or kill. */
  | 'FOK'
  /** Good till canceled (at most 90 days). */
  | 'GTC'
  /** Immediate or cancel. */
  | 'IOC';

export type TradingAccount = {
  __typename?: 'TradingAccount';
  /** Every cash movement, newest first. first: 1 to 100. */
  activity: ActivityConnection;
  /** Cash minus what open buy orders reserve (trading.md). */
  buyingPower: Scalars['Decimal']['output'];
  /** Settled cash. */
  cash: Scalars['Decimal']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Always "USD" for now. */
  currency: Scalars['String']['output'];
  /** cash + positionsValue */
  equity: Scalars['Decimal']['output'];
  /**
   * Equity at each trading day's close over the period, oldest first, ending with today's
   * current equity.
   */
  equityHistory: Array<EquityPoint>;
  id: Scalars['ID']['output'];
  /** Starting cash plus deposits since the account was opened or last reset. */
  netDeposits: Scalars['Decimal']['output'];
  onLeaderboard: Scalars['Boolean']['output'];
  /** One order of this account; null when there is no such order in it. */
  order?: Maybe<Order>;
  /** Newest first. first: 1 to 100. */
  orders: OrderConnection;
  /** Open positions (quantity above zero), by symbol. */
  positions: Array<Position>;
  /** Sum of the positions' market values at current quotes. */
  positionsValue: Scalars['Decimal']['output'];
  /** Profit or loss closed by sells since the account was opened or last reset. */
  realizedPnl: Scalars['Decimal']['output'];
  /** When the account was last reset; null if never. */
  resetAt?: Maybe<Scalars['DateTime']['output']>;
  /** equity - netDeposits */
  totalReturn: Scalars['Decimal']['output'];
  /** totalReturn / netDeposits * 100 */
  totalReturnPercent: Scalars['Float']['output'];
  unrealizedPnl: Scalars['Decimal']['output'];
};


export type TradingAccountActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type TradingAccountEquityHistoryArgs = {
  period?: InputMaybe<HistoryPeriod>;
};


export type TradingAccountOrderArgs = {
  id: Scalars['ID']['input'];
};


export type TradingAccountOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OrderStatus>;
};

/** firstName/lastName: 1 to 100 characters after trimming; at least one field must be given. */
export type UpdateProfileInput = {
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  profile?: Maybe<Profile>;
  roles: Array<Scalars['String']['output']>;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

/** The signed-in caller. Reading it needs only a valid token. */
export type Viewer = {
  __typename?: 'Viewer';
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  permissions: Array<Scalars['String']['output']>;
  profile?: Maybe<Profile>;
  roles: Array<Scalars['String']['output']>;
  /**
   * The caller's paper-trading account; null until it is opened with openTradingAccount.
   * Requires: trade
   */
  tradingAccount?: Maybe<TradingAccount>;
  watchlist: Array<WatchlistItem>;
};

export type WatchlistItem = {
  __typename?: 'WatchlistItem';
  addedAt: Scalars['DateTime']['output'];
  /**
   * Resolved through the stock service; null if the symbol stopped resolving.
   * Requires: view_stocks
   */
  stock?: Maybe<Stock>;
  symbol: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ActivityConnection: ResolverTypeWrapper<Omit<ActivityConnection, 'edges'> & { edges: Array<ResolversTypes['ActivityEdge']> }>;
  ActivityEdge: ResolverTypeWrapper<Omit<ActivityEdge, 'node'> & { node: ResolversTypes['ActivityEntry'] }>;
  ActivityEntry: ResolverTypeWrapper<ActivityEntryModel>;
  ActivityKind: ActivityKind;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Candle: ResolverTypeWrapper<Candle>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  EquityPoint: ResolverTypeWrapper<EquityPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Health: ResolverTypeWrapper<Health>;
  HistoryPeriod: HistoryPeriod;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InstrumentType: InstrumentType;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LeaderboardEntry: ResolverTypeWrapper<LeaderboardEntry>;
  MarketState: MarketState;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderModel>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderReason: OrderReason;
  OrderSide: OrderSide;
  OrderStatus: OrderStatus;
  OrderType: OrderType;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PlaceOrderInput: PlaceOrderInput;
  Position: ResolverTypeWrapper<PositionModel>;
  Profile: ResolverTypeWrapper<ProfileModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quote: ResolverTypeWrapper<Quote>;
  QuoteUpdate: ResolverTypeWrapper<QuoteUpdate>;
  Role: ResolverTypeWrapper<RoleModel>;
  ServiceHealth: ResolverTypeWrapper<ServiceHealth>;
  Stock: ResolverTypeWrapper<StockModel>;
  StockSearchResult: ResolverTypeWrapper<StockSearchResult>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TimeInForce: TimeInForce;
  TradingAccount: ResolverTypeWrapper<TradingAccountModel>;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<UserModel>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
  WatchlistItem: ResolverTypeWrapper<WatchlistItemModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ActivityConnection: Omit<ActivityConnection, 'edges'> & { edges: Array<ResolversParentTypes['ActivityEdge']> };
  ActivityEdge: Omit<ActivityEdge, 'node'> & { node: ResolversParentTypes['ActivityEntry'] };
  ActivityEntry: ActivityEntryModel;
  Boolean: Scalars['Boolean']['output'];
  Candle: Candle;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  EquityPoint: EquityPoint;
  Float: Scalars['Float']['output'];
  Health: Health;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  LeaderboardEntry: LeaderboardEntry;
  Mutation: Record<PropertyKey, never>;
  Order: OrderModel;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  PageInfo: PageInfo;
  PlaceOrderInput: PlaceOrderInput;
  Position: PositionModel;
  Profile: ProfileModel;
  Query: Record<PropertyKey, never>;
  Quote: Quote;
  QuoteUpdate: QuoteUpdate;
  Role: RoleModel;
  ServiceHealth: ServiceHealth;
  Stock: StockModel;
  StockSearchResult: StockSearchResult;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  TradingAccount: TradingAccountModel;
  UpdateProfileInput: UpdateProfileInput;
  User: UserModel;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  Viewer: ViewerModel;
  WatchlistItem: WatchlistItemModel;
};

export type ActivityConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ActivityConnection'] = ResolversParentTypes['ActivityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ActivityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ActivityEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ActivityEdge'] = ResolversParentTypes['ActivityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ActivityEntry'], ParentType, ContextType>;
};

export type ActivityEntryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ActivityEntry'] = ResolversParentTypes['ActivityEntry']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cashAfter?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActivityKind'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
};

export type CandleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Candle'] = ResolversParentTypes['Candle']> = {
  change?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  changePercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  close?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  high?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type EquityPointResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['EquityPoint'] = ResolversParentTypes['EquityPoint']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  equity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type HealthResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Health'] = ResolversParentTypes['Health']> = {
  services?: Resolver<Array<ResolversTypes['ServiceHealth']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LeaderboardEntryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['LeaderboardEntry'] = ResolversParentTypes['LeaderboardEntry']> = {
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  totalReturnPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addToWatchlist?: Resolver<Array<ResolversTypes['WatchlistItem']>, ParentType, ContextType, RequireFields<MutationAddToWatchlistArgs, 'symbol'>>;
  assignRole?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationAssignRoleArgs, 'role' | 'userId'>>;
  cancelOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'id'>>;
  deposit?: Resolver<ResolversTypes['TradingAccount'], ParentType, ContextType, RequireFields<MutationDepositArgs, 'amount'>>;
  openTradingAccount?: Resolver<ResolversTypes['TradingAccount'], ParentType, ContextType>;
  placeOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  removeFromWatchlist?: Resolver<Array<ResolversTypes['WatchlistItem']>, ParentType, ContextType, RequireFields<MutationRemoveFromWatchlistArgs, 'symbol'>>;
  resetTradingAccount?: Resolver<ResolversTypes['TradingAccount'], ParentType, ContextType>;
  revokeRole?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationRevokeRoleArgs, 'role' | 'userId'>>;
  setLeaderboardVisibility?: Resolver<ResolversTypes['TradingAccount'], ParentType, ContextType, RequireFields<MutationSetLeaderboardVisibilityArgs, 'visible'>>;
  updateProfile?: Resolver<ResolversTypes['Profile'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
};

export type OrderResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  averageFillPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  cashAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  clientOrderId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  filledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  filledQuantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  limitPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['OrderReason']>, ParentType, ContextType>;
  reservedCash?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['OrderSide'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  stopPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeInForce?: Resolver<ResolversTypes['TimeInForce'], ParentType, ContextType>;
  triggeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['OrderType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PositionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Position'] = ResolversParentTypes['Position']> = {
  availableQuantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  averageCost?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  costBasis?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  marketPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  marketValue?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  stock?: Resolver<Maybe<ResolversTypes['Stock']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unrealizedPnl?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  unrealizedPnlPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ProfileResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Profile'] = ResolversParentTypes['Profile']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  hasPermission?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<QueryHasPermissionArgs, 'permission'>>;
  health?: Resolver<ResolversTypes['Health'], ParentType, ContextType>;
  leaderboard?: Resolver<Array<ResolversTypes['LeaderboardEntry']>, ParentType, ContextType, RequireFields<QueryLeaderboardArgs, 'first'>>;
  me?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  searchStocks?: Resolver<Array<ResolversTypes['StockSearchResult']>, ParentType, ContextType, RequireFields<QuerySearchStocksArgs, 'limit' | 'query'>>;
  stock?: Resolver<Maybe<ResolversTypes['Stock']>, ParentType, ContextType, RequireFields<QueryStockArgs, 'symbol'>>;
  stocks?: Resolver<Array<Maybe<ResolversTypes['Stock']>>, ParentType, ContextType, RequireFields<QueryStocksArgs, 'symbols'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryUsersArgs, 'first'>>;
};

export type QuoteResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Quote'] = ResolversParentTypes['Quote']> = {
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  change?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  changePercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  dayHigh?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  dayLow?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  marketCap?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  marketState?: Resolver<ResolversTypes['MarketState'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  previousClose?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  yearHigh?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  yearLow?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QuoteUpdateResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QuoteUpdate'] = ResolversParentTypes['QuoteUpdate']> = {
  quote?: Resolver<ResolversTypes['Quote'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RoleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Role'] = ResolversParentTypes['Role']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServiceHealthResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceHealth'] = ResolversParentTypes['ServiceHealth']> = {
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type StockResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Stock'] = ResolversParentTypes['Stock']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exchange?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exchangeFullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['Candle']>, ParentType, ContextType, RequireFields<StockHistoryArgs, 'period'>>;
  instrumentType?: Resolver<ResolversTypes['InstrumentType'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StockSearchResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StockSearchResult'] = ResolversParentTypes['StockSearchResult']> = {
  exchange?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  instrumentType?: Resolver<ResolversTypes['InstrumentType'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  orderUpdates?: SubscriptionResolver<ResolversTypes['Order'], "orderUpdates", ParentType, ContextType>;
  quotes?: SubscriptionResolver<ResolversTypes['QuoteUpdate'], "quotes", ParentType, ContextType, RequireFields<SubscriptionQuotesArgs, 'symbols'>>;
};

export type TradingAccountResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TradingAccount'] = ResolversParentTypes['TradingAccount']> = {
  activity?: Resolver<ResolversTypes['ActivityConnection'], ParentType, ContextType, RequireFields<TradingAccountActivityArgs, 'first'>>;
  buyingPower?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  cash?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  equity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  equityHistory?: Resolver<Array<ResolversTypes['EquityPoint']>, ParentType, ContextType, RequireFields<TradingAccountEquityHistoryArgs, 'period'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  netDeposits?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  onLeaderboard?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<TradingAccountOrderArgs, 'id'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<TradingAccountOrdersArgs, 'first'>>;
  positions?: Resolver<Array<ResolversTypes['Position']>, ParentType, ContextType>;
  positionsValue?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  realizedPnl?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  resetAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  totalReturn?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  totalReturnPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unrealizedPnl?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  profile?: Resolver<Maybe<ResolversTypes['Profile']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  profile?: Resolver<Maybe<ResolversTypes['Profile']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tradingAccount?: Resolver<Maybe<ResolversTypes['TradingAccount']>, ParentType, ContextType>;
  watchlist?: Resolver<Array<ResolversTypes['WatchlistItem']>, ParentType, ContextType>;
};

export type WatchlistItemResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WatchlistItem'] = ResolversParentTypes['WatchlistItem']> = {
  addedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stock?: Resolver<Maybe<ResolversTypes['Stock']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  ActivityConnection?: ActivityConnectionResolvers<ContextType>;
  ActivityEdge?: ActivityEdgeResolvers<ContextType>;
  ActivityEntry?: ActivityEntryResolvers<ContextType>;
  Candle?: CandleResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  EquityPoint?: EquityPointResolvers<ContextType>;
  Health?: HealthResolvers<ContextType>;
  LeaderboardEntry?: LeaderboardEntryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Position?: PositionResolvers<ContextType>;
  Profile?: ProfileResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quote?: QuoteResolvers<ContextType>;
  QuoteUpdate?: QuoteUpdateResolvers<ContextType>;
  Role?: RoleResolvers<ContextType>;
  ServiceHealth?: ServiceHealthResolvers<ContextType>;
  Stock?: StockResolvers<ContextType>;
  StockSearchResult?: StockSearchResultResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TradingAccount?: TradingAccountResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  WatchlistItem?: WatchlistItemResolvers<ContextType>;
};

