/**
 * Enforces field-permissions.ts: every field named there is wrapped so that a signed-out
 * caller gets UNAUTHENTICATED and a caller without the permission gets FORBIDDEN before
 * its resolver runs.
 *
 * What the caller may do is the security service's answer for this request, never the
 * roles in the access token: a revoked role stops granting at once, whatever token the
 * user carries (schema.graphql, revokeRole).
 */
import type { GraphQLFieldResolver } from "graphql";
import type { Access } from "../../../security/src/contract";
import type { GatewayContext } from "./context";
import { forbidden, unauthenticated } from "./errors";
import { fieldPermissions, type Permission } from "./field-permissions";

type AnyResolver = GraphQLFieldResolver<unknown, GatewayContext, Record<string, unknown>>;
type ResolverMap = Record<string, Record<string, unknown>>;
type SubscriptionResolver = { subscribe: AnyResolver; resolve?: AnyResolver };

const NO_ACCESS: Access = { roles: [], permissions: [] };

/** The signed-in caller's user id, or UNAUTHENTICATED. */
export function viewerId(ctx: GatewayContext): string {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer.userId;
}

/**
 * The signed-in caller's current roles and permissions: one security.access call per
 * request however many fields ask (the per-request `access` loader, which a role change
 * in this request updates), and SERVICE_UNAVAILABLE, granting nothing, when it fails.
 */
export async function viewerAccess(ctx: GatewayContext): Promise<Access> {
  return (await ctx.loaders.access.load(viewerId(ctx))) ?? NO_ACCESS;
}

/** Fails unless the caller is signed in and holds `permission` (fail closed). */
export async function requirePermission(ctx: GatewayContext, permission: Permission): Promise<void> {
  const { permissions } = await viewerAccess(ctx);
  if (!permissions.includes(permission)) throw forbidden(permission);
}

/**
 * The resolvers, with each field of `fieldPermissions` guarded: a subscription field's
 * `subscribe`, so a refused stream answers its one error and never opens.
 */
export function withPermissions<T extends ResolverMap>(resolvers: T): T {
  const guarded: ResolverMap = { ...resolvers };
  for (const [path, permission] of Object.entries(fieldPermissions)) {
    const [type, field] = path.split(".") as [string, string];
    const resolver = resolvers[type]?.[field] as AnyResolver | SubscriptionResolver | undefined;
    if (!resolver) throw new Error(`${path} requires ${permission} but has no resolver`);
    const guard =
      (resolve: AnyResolver): AnyResolver =>
      async (...args) => {
        await requirePermission(args[2], permission);
        return resolve(...args);
      };
    guarded[type] = {
      ...guarded[type],
      [field]: typeof resolver === "function" ? guard(resolver) : { ...resolver, subscribe: guard(resolver.subscribe) },
    };
  }
  return guarded as T;
}
