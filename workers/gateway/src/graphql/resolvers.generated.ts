import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { StockModel, ViewerModel, UserModel, ProfileModel, WatchlistItemModel, RoleModel } from './models';
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
};

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
  /** Remove a symbol from the caller's watchlist (idempotent). Requires: manage_own_watchlist */
  removeFromWatchlist: Array<WatchlistItem>;
  /**
   * Take a role from a user (idempotent). A caller cannot remove the last admin. Takes
   * effect at once: from the moment this answers, no request of that user is granted the
   * permissions of the revoked role, whatever token it carries. Requires: manage_roles
   */
  revokeRole: User;
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


export type MutationRemoveFromWatchlistArgs = {
  symbol: Scalars['String']['input'];
};


export type MutationRevokeRoleArgs = {
  role: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
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
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Candle: ResolverTypeWrapper<Candle>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Health: ResolverTypeWrapper<Health>;
  HistoryPeriod: HistoryPeriod;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InstrumentType: InstrumentType;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  MarketState: MarketState;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Profile: ResolverTypeWrapper<ProfileModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quote: ResolverTypeWrapper<Quote>;
  Role: ResolverTypeWrapper<RoleModel>;
  ServiceHealth: ResolverTypeWrapper<ServiceHealth>;
  Stock: ResolverTypeWrapper<StockModel>;
  StockSearchResult: ResolverTypeWrapper<StockSearchResult>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<UserModel>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
  WatchlistItem: ResolverTypeWrapper<WatchlistItemModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  Candle: Candle;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Float: Scalars['Float']['output'];
  Health: Health;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Profile: ProfileModel;
  Query: Record<PropertyKey, never>;
  Quote: Quote;
  Role: RoleModel;
  ServiceHealth: ServiceHealth;
  Stock: StockModel;
  StockSearchResult: StockSearchResult;
  String: Scalars['String']['output'];
  UpdateProfileInput: UpdateProfileInput;
  User: UserModel;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  Viewer: ViewerModel;
  WatchlistItem: WatchlistItemModel;
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

export type HealthResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Health'] = ResolversParentTypes['Health']> = {
  services?: Resolver<Array<ResolversTypes['ServiceHealth']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addToWatchlist?: Resolver<Array<ResolversTypes['WatchlistItem']>, ParentType, ContextType, RequireFields<MutationAddToWatchlistArgs, 'symbol'>>;
  assignRole?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationAssignRoleArgs, 'role' | 'userId'>>;
  removeFromWatchlist?: Resolver<Array<ResolversTypes['WatchlistItem']>, ParentType, ContextType, RequireFields<MutationRemoveFromWatchlistArgs, 'symbol'>>;
  revokeRole?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationRevokeRoleArgs, 'role' | 'userId'>>;
  updateProfile?: Resolver<ResolversTypes['Profile'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
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
  watchlist?: Resolver<Array<ResolversTypes['WatchlistItem']>, ParentType, ContextType>;
};

export type WatchlistItemResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WatchlistItem'] = ResolversParentTypes['WatchlistItem']> = {
  addedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stock?: Resolver<Maybe<ResolversTypes['Stock']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  Candle?: CandleResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Health?: HealthResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Profile?: ProfileResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quote?: QuoteResolvers<ContextType>;
  Role?: RoleResolvers<ContextType>;
  ServiceHealth?: ServiceHealthResolvers<ContextType>;
  Stock?: StockResolvers<ContextType>;
  StockSearchResult?: StockSearchResultResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  WatchlistItem?: WatchlistItemResolvers<ContextType>;
};

