/**
 * The role -> permissions map of the security service, cached per isolate: authorizing
 * the common request costs no call at all. A role's permissions change rarely (they ship
 * as migrations), so a minute of staleness is fine; a user's roles come from the token.
 */
import type { GatewayContext } from "./context";
import { callMeta, callService } from "./services";

const TTL_MS = 60_000;

let cached: { map: Record<string, string[]>; expiresAt: number } | undefined;
let refreshing: Promise<Record<string, string[]>> | undefined;

async function roleMap(ctx: GatewayContext): Promise<Record<string, string[]>> {
  if (cached && cached.expiresAt > Date.now()) return cached.map;
  // One refresh per isolate however many requests ask at once; a failure is not cached.
  refreshing ??= callService(ctx, "security", "rolePermissions", () => ctx.env.SECURITY.rolePermissions(callMeta(ctx)))
    .then((map) => {
      cached = { map, expiresAt: Date.now() + TTL_MS };
      return map;
    })
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing as Promise<Record<string, string[]>>;
}

/** Every permission the roles grant, sorted; unknown roles grant nothing. */
export async function permissionsOf(ctx: GatewayContext, roles: readonly string[]): Promise<string[]> {
  const map = await roleMap(ctx);
  return [...new Set(roles.flatMap((role) => map[role] ?? []))].sort();
}

