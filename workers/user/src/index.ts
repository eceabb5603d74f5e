/** The user service: profiles and watchlists, reached only over Workers RPC (contract.ts). */
import * as v from "valibot";
import { failure, success, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { callLogger, InternalEntrypoint, observeRpc, serviceHealth } from "../../../shared/rpc-server";
import { parseInput, UserId } from "../../../shared/validation";
import { loadUserConfig } from "./config";
import { openDb } from "../../../shared/d1";
import {
  MAX_WATCHLIST,
  NewProfile,
  OverviewRequest,
  ProfileChange,
  ProfilesRequest,
  WatchlistChange,
  type Overview,
  type Profile,
  type UserRpc,
  type WatchlistItem,
} from "./contract";
import { changeProfile, insertProfile, overviewOf, profilesOf } from "./profiles";
import { removeUserData } from "./remove-user";
import { addSymbol, removeSymbol } from "./watchlist";

export default class UserService extends InternalEntrypoint<UserEnv> implements UserRpc {
  #db = openDb(this.env.USER_DB);

  health(_meta: CallMeta): Promise<HealthReport> {
    return serviceHealth("user", () => loadUserConfig(this.env), this.env.USER_DB);
  }

  async createProfile(
    _meta: CallMeta,
    input: { userId: string; firstName: string; lastName: string },
  ): Promise<RpcResult<Profile>> {
    const parsed = parseInput(NewProfile, input);
    if (!parsed.ok) return parsed;
    const profile = await insertProfile(this.#db, parsed.value, new Date().toISOString());
    if (!profile) return failure("CONFLICT", "The user already has a profile");
    callLogger().info("profile created", { userId: profile.userId });
    return success(profile);
  }

  async profiles(_meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Profile>>> {
    const parsed = parseInput(ProfilesRequest, { userIds });
    if (!parsed.ok) return parsed;
    return success(await profilesOf(this.#db, parsed.value.userIds));
  }

  async updateProfile(
    _meta: CallMeta,
    userId: string,
    patch: { firstName?: string | null; lastName?: string | null },
  ): Promise<RpcResult<Profile>> {
    const parsed = parseInput(ProfileChange, { userId, patch });
    if (!parsed.ok) return parsed;
    const profile = await changeProfile(this.#db, parsed.value.userId, parsed.value.patch, new Date().toISOString());
    if (!profile) return failure("NOT_FOUND", "The user has no profile");
    callLogger().info("profile updated", { userId: profile.userId, fields: Object.keys(parsed.value.patch) });
    return success(profile);
  }

  async overview(_meta: CallMeta, userId: string): Promise<RpcResult<Overview>> {
    const parsed = parseInput(OverviewRequest, { userId });
    if (!parsed.ok) return parsed;
    return success(await overviewOf(this.#db, parsed.value.userId));
  }

  async addToWatchlist(_meta: CallMeta, userId: string, symbol: string): Promise<RpcResult<WatchlistItem[]>> {
    const parsed = parseInput(WatchlistChange, { userId, symbol });
    if (!parsed.ok) return parsed;
    const { userId: id, symbol: ticker } = parsed.value;
    const outcome = await addSymbol(this.#db, id, ticker, MAX_WATCHLIST, new Date().toISOString());
    if (outcome.full) {
      return failure("BAD_USER_INPUT", `A watchlist holds at most ${MAX_WATCHLIST} symbols`, [
        { field: "symbol", message: `the watchlist already holds ${MAX_WATCHLIST} symbols` },
      ]);
    }
    callLogger().info("watchlist symbol added", { userId: id, symbol: ticker });
    return success(outcome.list);
  }

  async removeFromWatchlist(_meta: CallMeta, userId: string, symbol: string): Promise<RpcResult<WatchlistItem[]>> {
    const parsed = parseInput(WatchlistChange, { userId, symbol });
    if (!parsed.ok) return parsed;
    const list = await removeSymbol(this.#db, parsed.value.userId, parsed.value.symbol);
    callLogger().info("watchlist symbol removed", parsed.value);
    return success(list);
  }

  async removeUser(_meta: CallMeta, userId: string): Promise<void> {
    if (!v.is(UserId, userId)) return callLogger().warn("removeUser: not a UUID, nothing to remove", { userId });
    await removeUserData(this.#db, userId);
    callLogger().info("user removed", { userId });
  }
}

observeRpc("user", UserService);
