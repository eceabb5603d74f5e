/**
 * The user service's RPC contract: what callers (gateway, auth, tests, stand-ins) import of
 * it. Pure (valibot and shared/'s rule modules only), so Node can import it too.
 */
import * as v from "valibot";
import { PersonName } from "../../../shared/names";
import { rpcMethods, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { TickerSymbol } from "../../../shared/symbols";
import { UserId, UserIds } from "../../../shared/validation";

export interface Profile {
  userId: string;
  firstName: string;
  lastName: string;
  createdAt: string;
  updatedAt: string;
}

export interface WatchlistItem {
  symbol: string;
  addedAt: string;
}

/** One user's profile (null when none) and watchlist: what a signed-in caller sees of themselves. */
export interface Overview {
  profile: Profile | null;
  watchlist: WatchlistItem[];
}

export interface UserRpc {
  health(meta: CallMeta): Promise<HealthReport>;
  /** CONFLICT when the user already has a profile. */
  createProfile(meta: CallMeta, input: { userId: string; firstName: string; lastName: string }): Promise<RpcResult<Profile>>;
  /** Profiles of the asked users (1..100 ids); users without one are absent. */
  profiles(meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Profile>>>;
  /** Changes the given fields (a null one is absent); NOT_FOUND when the user has no profile. */
  updateProfile(meta: CallMeta, userId: string, patch: { firstName?: string | null; lastName?: string | null }): Promise<RpcResult<Profile>>;
  /** The user's profile (null when none) and watchlist together: what the gateway's `me` needs, in one call. */
  overview(meta: CallMeta, userId: string): Promise<RpcResult<Overview>>;
  /** The watchlist after adding `symbol` (a no-op when listed); BAD_USER_INPUT past MAX_WATCHLIST symbols. */
  addToWatchlist(meta: CallMeta, userId: string, symbol: string): Promise<RpcResult<WatchlistItem[]>>;
  /** The watchlist after removing `symbol` (a no-op when not listed). */
  removeFromWatchlist(meta: CallMeta, userId: string, symbol: string): Promise<RpcResult<WatchlistItem[]>>;
  /** Drops a deleted user's profile and watchlist. An id that is not a UUID owns nothing: nothing to remove. */
  removeUser(meta: CallMeta, userId: string): Promise<void>;
}

export const USER_METHODS = /* @__PURE__ */ rpcMethods<UserRpc>()([
  "health",
  "createProfile",
  "profiles",
  "updateProfile",
  "overview",
  "addToWatchlist",
  "removeFromWatchlist",
  "removeUser",
]);

/** The most symbols a watchlist holds. */
export const MAX_WATCHLIST = 100;

export const NewProfile = v.object({ userId: UserId, firstName: PersonName, lastName: PersonName });

/** A profile change; a null field is an absent one (GraphQL input may send explicit nulls). */
export const ProfilePatch = v.pipe(
  v.object(
    {
      firstName: v.nullish(PersonName),
      lastName: v.nullish(PersonName),
    },
    "must be an object",
  ),
  v.transform(({ firstName, lastName }) => ({
    ...(firstName == null ? {} : { firstName }),
    ...(lastName == null ? {} : { lastName }),
  })),
  v.check((patch) => Object.keys(patch).length > 0, "must change at least one field"),
);

export const ProfilesRequest = v.object({ userIds: UserIds });
export const ProfileChange = v.object({ userId: UserId, patch: ProfilePatch });
export const OverviewRequest = v.object({ userId: UserId });
export const WatchlistChange = v.object({ userId: UserId, symbol: TickerSymbol });
