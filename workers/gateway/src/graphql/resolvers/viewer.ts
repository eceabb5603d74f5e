/** The signed-in caller: `me`, `hasPermission`, and their own profile and watchlist. */
import { badUserInput, unauthenticated } from "../errors";
import { nameArg, symbolArg } from "../arguments";
import { viewerAccess, viewerId } from "../permissions";
import type { Resolvers } from "../resolvers.generated";
import { callMeta, callService, unwrap } from "../services";

export const viewerResolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => ctx.viewer,
    hasPermission: async (_root, { permission }, ctx) =>
      ctx.viewer ? (await viewerAccess(ctx)).permissions.includes(permission) : false,
  },
  Viewer: {
    id: (viewer) => viewer.userId,
    email: async (viewer, _args, ctx) => {
      const account = await ctx.loaders.accounts.load(viewer.userId);
      // A valid token for a deleted account: its session is being revoked.
      if (!account) throw unauthenticated();
      return account.email;
    },
    profile: async (viewer, _args, ctx) => (await ctx.loaders.overview(viewer.userId)).profile,
    roles: async (_viewer, _args, ctx) => (await viewerAccess(ctx)).roles,
    permissions: async (_viewer, _args, ctx) => (await viewerAccess(ctx)).permissions,
    watchlist: async (viewer, _args, ctx) => (await ctx.loaders.overview(viewer.userId)).watchlist,
  },
  Mutation: {
    updateProfile: async (_root, { input }, ctx) => {
      const userId = viewerId(ctx);
      const patch = {
        ...(input.firstName != null ? { firstName: nameArg("input.firstName", input.firstName) } : {}),
        ...(input.lastName != null ? { lastName: nameArg("input.lastName", input.lastName) } : {}),
      };
      if (Object.keys(patch).length === 0) throw badUserInput("input", "give firstName, lastName or both");
      return unwrap(await callService(ctx, "user", "updateProfile", () => ctx.env.USER.updateProfile(callMeta(ctx), userId, patch)));
    },
    addToWatchlist: async (_root, args, ctx) => {
      const userId = viewerId(ctx);
      const symbol = symbolArg(args.symbol);
      if (!(await ctx.loaders.instruments.load(symbol))) throw badUserInput("symbol", `${symbol} is not a known instrument`);
      return unwrap(await callService(ctx, "user", "addToWatchlist", () => ctx.env.USER.addToWatchlist(callMeta(ctx), userId, symbol)));
    },
    removeFromWatchlist: async (_root, args, ctx) => {
      const userId = viewerId(ctx);
      const symbol = symbolArg(args.symbol);
      return unwrap(await callService(ctx, "user", "removeFromWatchlist", () => ctx.env.USER.removeFromWatchlist(callMeta(ctx), userId, symbol)));
    },
  },
};
