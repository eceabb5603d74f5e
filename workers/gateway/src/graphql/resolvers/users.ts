/** Any user (admins): `user`, `users`, `roles`, and role grants. */
import type { Account } from "../../../../auth/src/contract";
import type { Access } from "../../../../security/src/contract";
import { MAX_USERS_PAGE } from "../argument-maxima";
import { idArg, intArg } from "../arguments";
import type { GatewayContext } from "../context";
import { graphQLError } from "../errors";
import type { Resolvers } from "../resolvers.generated";
import { callMeta, callService, unwrap } from "../services";

/** The user a role change is about: NOT_FOUND when there is no such account. */
async function existingUser(ctx: GatewayContext, userId: string) {
  const account = await ctx.loaders.accounts.load(idArg("userId", userId));
  if (!account) throw graphQLError("NOT_FOUND", `No user has the id ${userId}.`);
  return account;
}

export const userResolvers: Resolvers = {
  Query: {
    user: (_root, { id }, ctx) => ctx.loaders.accounts.load(idArg("id", id)),
    users: async (_root, args, ctx) => {
      const first = intArg("first", args.first ?? 20, 1, MAX_USERS_PAGE);
      const page = { first, ...(args.after != null ? { after: args.after } : {}) };
      const result = unwrap(await callService(ctx, "auth", "listAccounts", () => ctx.env.AUTH.listAccounts(callMeta(ctx), page)));
      for (const account of result.accounts) ctx.loaders.accounts.prime(account.id, account);
      return {
        edges: result.accounts.map((account) => ({ cursor: account.cursor, node: account })),
        pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor },
      };
    },
    roles: async (_root, _args, ctx) => callService(ctx, "security", "roles", () => ctx.env.SECURITY.roles(callMeta(ctx))),
  },
  User: {
    profile: (user, _args, ctx) => ctx.loaders.profiles.load(user.id),
    roles: async (user, _args, ctx) => (await ctx.loaders.access.load(user.id))?.roles ?? [],
  },
  Mutation: {
    assignRole: async (_root, { userId, role }, ctx) => {
      const user = await existingUser(ctx, userId);
      const access = unwrap(await callService(ctx, "security", "grantRole", () => ctx.env.SECURITY.grantRole(callMeta(ctx), user.id, role)));
      return changedRoles(ctx, user, access);
    },
    revokeRole: async (_root, { userId, role }, ctx) => {
      const user = await existingUser(ctx, userId);
      const admins = await adminsWithAccount(ctx);
      const access = unwrap(
        await callService(ctx, "security", "revokeRole", () => ctx.env.SECURITY.revokeRole(callMeta(ctx), user.id, role, admins)),
      );
      return changedRoles(ctx, user, access);
    },
  },
};

/** The user of a role change, whose roles (and this request's permission checks) are now what security reported. */
function changedRoles(ctx: GatewayContext, user: Account, access: Access): Account {
  ctx.loaders.access.clear(user.id).prime(user.id, access);
  return user;
}

/** The admins that have an account: the only ones security's last-admin guard may count. */
async function adminsWithAccount(ctx: GatewayContext): Promise<string[]> {
  const admins = await callService(ctx, "security", "admins", () => ctx.env.SECURITY.admins(callMeta(ctx)));
  const accounts = await ctx.loaders.accounts.loadMany(admins);
  return accounts.map((account) => {
    if (account instanceof Error) throw account;
    return account?.id;
  }).filter((id) => id !== undefined);
}
