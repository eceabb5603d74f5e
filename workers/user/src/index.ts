/** The user service: profiles and watchlists, reached only over Workers RPC. */
import * as v from "valibot";
import { InternalEntrypoint } from "../../../shared/internal-entrypoint";
import { observeRpc } from "../../../shared/observe-rpc";
import { createLogger, type Logger } from "../../../shared/logger";
import { failure, healthReport, success, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { loadUserConfig } from "./config";
import { openDb } from "../../../shared/d1";
import { MAX_WATCHLIST, NewProfile, parseInput, ProfilePatch, TickerSymbol, UserId, UserIds } from "./input";
import { changeProfile, insertProfile, overviewOf, profilesOf } from "./profiles";
import { removeUserData } from "./remove-user";
import type { Overview, Profile, WatchlistItem } from "./types";
import { addSymbol, removeSymbol, watchlistOf } from "./watchlist";

export type { Overview, Profile, WatchlistItem } from "./types";

const ProfileChange = v.object({ userId: UserId, patch: ProfilePatch });
const WatchlistChange = v.object({ userId: UserId, symbol: TickerSymbol });

export default class UserService extends InternalEntrypoint<UserEnv> {
  #db = openDb(this.env.USER_DB);

  health(meta: CallMeta): Promise<HealthReport> {
    return healthReport("user", meta, {
      config: async () => loadUserConfig(this.env),
      database: () => this.env.USER_DB.prepare("SELECT 1").first(),
    });
  }

  async createProfile(
    meta: CallMeta,
    input: { userId: string; firstName: string; lastName: string },
  ): Promise<RpcResult<Profile>> {
    const parsed = parseInput(NewProfile, input);
    if (!parsed.ok) return parsed;
    const profile = await insertProfile(this.#db, parsed.value, new Date().toISOString());
    if (!profile) return failure("CONFLICT", "The user already has a profile");
    this.#logger(meta).info("profile created", { userId: profile.userId });
    return success(profile);
  }

  /** Profiles of the asked users; users without one are absent. */
  async profiles(_meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Profile>>> {
    const parsed = parseInput(v.object({ userIds: UserIds }), { userIds });
    if (!parsed.ok) return parsed;
    return success(await profilesOf(this.#db, parsed.value.userIds));
  }

  async updateProfile(
    meta: CallMeta,
    userId: string,
    patch: { firstName?: string | null; lastName?: string | null },
  ): Promise<RpcResult<Profile>> {
    const parsed = parseInput(ProfileChange, { userId, patch });
    if (!parsed.ok) return parsed;
    const profile = await changeProfile(this.#db, parsed.value.userId, parsed.value.patch, new Date().toISOString());
    if (!profile) return failure("NOT_FOUND", "The user has no profile");
    this.#logger(meta).info("profile updated", { userId: profile.userId, fields: Object.keys(parsed.value.patch) });
    return success(profile);
  }

  async watchlist(_meta: CallMeta, userId: string): Promise<RpcResult<WatchlistItem[]>> {
    const parsed = parseInput(v.object({ userId: UserId }), { userId });
    if (!parsed.ok) return parsed;
    return success(await watchlistOf(this.#db, parsed.value.userId));
  }

  /** The user's profile (null when none) and watchlist together: what the gateway's `me` needs, in one call. */
  async overview(_meta: CallMeta, userId: string): Promise<RpcResult<Overview>> {
    const parsed = parseInput(v.object({ userId: UserId }), { userId });
    if (!parsed.ok) return parsed;
    return success(await overviewOf(this.#db, parsed.value.userId));
  }

  async addToWatchlist(meta: CallMeta, userId: string, symbol: string): Promise<RpcResult<WatchlistItem[]>> {
    const parsed = parseInput(WatchlistChange, { userId, symbol });
    if (!parsed.ok) return parsed;
    const { userId: id, symbol: ticker } = parsed.value;
    const outcome = await addSymbol(this.#db, id, ticker, MAX_WATCHLIST, new Date().toISOString());
    if (outcome.full) {
      return failure("BAD_USER_INPUT", `A watchlist holds at most ${MAX_WATCHLIST} symbols`, [
        { field: "symbol", message: `the watchlist already holds ${MAX_WATCHLIST} symbols` },
      ]);
    }
    this.#logger(meta).info("watchlist symbol added", { userId: id, symbol: ticker });
    return success(outcome.list);
  }

  async removeFromWatchlist(meta: CallMeta, userId: string, symbol: string): Promise<RpcResult<WatchlistItem[]>> {
    const parsed = parseInput(WatchlistChange, { userId, symbol });
    if (!parsed.ok) return parsed;
    const list = await removeSymbol(this.#db, parsed.value.userId, parsed.value.symbol);
    this.#logger(meta).info("watchlist symbol removed", parsed.value);
    return success(list);
  }

  /** Drops a deleted user's profile and watchlist. An id that is not a UUID owns nothing: nothing to remove. */
  async removeUser(meta: CallMeta, userId: string): Promise<void> {
    const logger = this.#logger(meta);
    if (!v.is(UserId, userId)) return logger.warn("removeUser: not a UUID, nothing to remove", { userId });
    await removeUserData(this.#db, userId);
    logger.info("user removed", { userId });
  }

  #logger(meta: CallMeta): Logger {
    return createLogger({ service: "user", requestId: meta.requestId, level: loadUserConfig(this.env).LOG_LEVEL });
  }
}

observeRpc("user", UserService);
