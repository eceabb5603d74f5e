/**
 * What the gateway's resolvers pass down as the parent of each object type: the internal
 * services' own types, so a resolver never re-shapes what a service already answered.
 */
import type { Account } from "../../../auth/src/contract";
import type { Instrument } from "../../../stock/src/contract";
import type { RoleInfo } from "../../../security/src/contract";
import type { AccountState, ActivityEntryState, OrderState, PositionState } from "../../../trading/src/contract";
import type { Profile, WatchlistItem } from "../../../user/src/contract";

/** A Stock starts as its instrument; quote and history load on demand, batched. */
export type StockModel = Instrument;

/**
 * The signed-in caller as the verified access token names them. No roles: the token's are
 * as old as the token, so what the caller may do is asked of the security service
 * (permissions.ts viewerAccess).
 */
export interface ViewerModel {
  userId: string;
  sessionId: string;
  /** The access token's `exp` (epoch seconds): a live stream ends then. */
  expiresAt: number;
}

export type UserModel = Account;
export type ProfileModel = Profile;
export type WatchlistItemModel = WatchlistItem;
export type RoleModel = RoleInfo;

/** The ledger's account, and whose it is: its orders, activity and history are asked for by user id. */
export type TradingAccountModel = AccountState & { userId: string };
/** Priced on demand from the batched quotes (valuation.ts). */
export type PositionModel = PositionState;
export type OrderModel = OrderState;
export type ActivityEntryModel = ActivityEntryState;
