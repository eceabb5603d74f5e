/** The RBAC queries: every read is one D1 round trip, every guarded write one atomic statement. */
import { and, asc, eq, exists, inArray, ne, notExists, notInArray, or, sql } from "drizzle-orm";
import { jsonValues, type Db } from "../../../shared/d1";
import { rolePermissions, roles, userRoles } from "./db/schema";
import type { Access, RoleInfo } from "./contract";

/** The role that must always keep at least one holder. */
const ADMIN_ROLE = "admin";

interface GrantRow {
  userId: string;
  role: string;
  permission: string | null;
}

/** Every grant of `userIds` joined with its permissions. */
const grantsOf = (db: Db, userIds: string[]) =>
  db
    .select({ userId: userRoles.userId, role: userRoles.role, permission: rolePermissions.permission })
    .from(userRoles)
    .leftJoin(rolePermissions, eq(rolePermissions.role, userRoles.role))
    .where(inArray(userRoles.userId, jsonValues(userIds)));

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function accessByUser(userIds: string[], rows: GrantRow[]): Record<string, Access> {
  const grants = new Map(userIds.map((id) => [id, { roles: new Set<string>(), permissions: new Set<string>() }]));
  for (const row of rows) {
    const grant = grants.get(row.userId)!;
    grant.roles.add(row.role);
    if (row.permission !== null) grant.permissions.add(row.permission);
  }
  return Object.fromEntries(
    [...grants].map(([id, grant]) => [id, { roles: sorted(grant.roles), permissions: sorted(grant.permissions) }]),
  );
}

/** Access of every asked user (empty when they hold no role), in one query. */
export async function accessOf(db: Db, userIds: string[]): Promise<Record<string, Access>> {
  return accessByUser(userIds, await grantsOf(db, userIds));
}

/** Every role with its description and sorted permissions, sorted by name. */
export async function roleInfos(db: Db): Promise<RoleInfo[]> {
  const rows = await db
    .select({ name: roles.name, description: roles.description, permission: rolePermissions.permission })
    .from(roles)
    .leftJoin(rolePermissions, eq(rolePermissions.role, roles.name))
    .orderBy(asc(roles.name), asc(rolePermissions.permission));
  const byName = new Map<string, RoleInfo>();
  for (const row of rows) {
    const info = byName.get(row.name) ?? { name: row.name, description: row.description, permissions: [] };
    if (row.permission !== null) info.permissions.push(row.permission);
    byName.set(row.name, info);
  }
  return [...byName.values()];
}

const roleNamed = (db: Db, role: string) => db.select({ name: roles.name }).from(roles).where(eq(roles.name, role));

export type GrantOutcome = { roleExists: false } | { roleExists: true; access: Access };

/** Grants `role` (a no-op when already held); the grant and the read of the result are one batch. */
export async function grant(db: Db, userId: string, role: string, now: string): Promise<GrantOutcome> {
  const [, known, rows] = await db.batch([
    db
      .insert(userRoles)
      .select(sql`select ${userId}, ${roles.name}, ${now} from ${roles} where ${roles.name} = ${role}`)
      .onConflictDoNothing(),
    roleNamed(db, role),
    grantsOf(db, [userId]),
  ]);
  if (known.length === 0) return { roleExists: false };
  return { roleExists: true, access: accessByUser([userId], rows)[userId]! };
}

/**
 * The last-admin guard, inside the guarded statement itself (D1 runs one statement at a
 * time, so two concurrent removals of the last two admins cannot both see the other).
 * Only an admin with an account counts, and accounts are auth's: the caller passes
 * `adminsWithAccount`, the ids of `adminIds()` that auth has an account for. Losing
 * `userId`'s admin grant is fine when `userId` has no account (it was no admin) or when
 * another admin with an account keeps the role. A grant of an account deleted since that
 * list was read is gone already: deletion removes the grants first.
 */
const mayLoseAdmin = (db: Db, userId: string, adminsWithAccount: string[]) =>
  or(
    notInArray(sql`${userId}`, jsonValues(adminsWithAccount)),
    exists(
      db
        .select({ one: sql`1` })
        .from(userRoles)
        .where(and(eq(userRoles.role, ADMIN_ROLE), ne(userRoles.userId, userId), inArray(userRoles.userId, jsonValues(adminsWithAccount)))),
    ),
  );

/** Every holder of the admin role, with an account or not. */
export async function adminIds(db: Db): Promise<string[]> {
  const rows = await db.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.role, ADMIN_ROLE));
  return rows.map((row) => row.userId);
}

export type RevokeOutcome = { roleExists: false } | { roleExists: true; lastAdmin: true } | { roleExists: true; lastAdmin: false; access: Access };

/** Revokes `role` (a no-op when not held), never the last admin's admin role (`mayLoseAdmin`). */
export async function revoke(db: Db, userId: string, role: string, adminsWithAccount: string[]): Promise<RevokeOutcome> {
  const [, known, rows] = await db.batch([
    db
      .delete(userRoles)
      .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role), or(ne(userRoles.role, ADMIN_ROLE), mayLoseAdmin(db, userId, adminsWithAccount)))),
    roleNamed(db, role),
    grantsOf(db, [userId]),
  ]);
  if (known.length === 0) return { roleExists: false };
  const access = accessByUser([userId], rows)[userId]!;
  // Same batch, same transaction: the role still held means the guard refused.
  if (role === ADMIN_ROLE && access.roles.includes(ADMIN_ROLE)) return { roleExists: true, lastAdmin: true };
  return { roleExists: true, lastAdmin: false, access };
}

/**
 * Removes every grant of a deleted user, all or none: none when that would remove the
 * last admin (`mayLoseAdmin`). Answers whether the grants are gone.
 */
export async function removeGrants(db: Db, userId: string, adminsWithAccount: string[]): Promise<boolean> {
  const isAdmin = db
    .select({ one: sql`1` })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, ADMIN_ROLE)));
  const [, left] = await db.batch([
    db.delete(userRoles).where(and(eq(userRoles.userId, userId), or(notExists(isAdmin), mayLoseAdmin(db, userId, adminsWithAccount)))),
    grantsOf(db, [userId]),
  ]);
  return left.length === 0;
}
