/**
 * Enforces field-permissions.ts: every field named there is wrapped so that a signed-out
 * caller gets UNAUTHENTICATED and a caller without the permission gets FORBIDDEN before
 * its resolver runs.
 */
import type { GraphQLFieldResolver } from "graphql";
import type { GatewayContext } from "./context";
import { forbidden, unauthenticated } from "./errors";
import { fieldPermissions, type Permission } from "./field-permissions";

type AnyResolver = GraphQLFieldResolver<unknown, GatewayContext, Record<string, unknown>>;
type ResolverMap = Record<string, Record<string, unknown>>;

/** Fails unless the caller is signed in and holds `permission` (fail closed). */
export async function requirePermission(ctx: GatewayContext, permission: Permission): Promise<void> {
  if (!ctx.viewer) throw unauthenticated();
  const granted = await ctx.permissionsOf(ctx.viewer.roles);
  if (!granted.includes(permission)) throw forbidden(permission);
}

/** The resolvers, with each field of `fieldPermissions` guarded. */
export function withPermissions<T extends ResolverMap>(resolvers: T): T {
  const guarded: ResolverMap = { ...resolvers };
  for (const [path, permission] of Object.entries(fieldPermissions)) {
    const [type, field] = path.split(".") as [string, string];
    const resolve = resolvers[type]?.[field] as AnyResolver | undefined;
    if (!resolve) throw new Error(`${path} requires ${permission} but has no resolver`);
    guarded[type] = {
      ...guarded[type],
      [field]: async (...args: Parameters<AnyResolver>) => {
        await requirePermission(args[2], permission);
        return resolve(...args);
      },
    };
  }
  return guarded as T;
}
