/** Credentials in auth_db: one row per account, with its password hash. */
import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import { jsonValues, type Db } from "../../../shared/d1";
import type { Account } from "./contract";
import { users } from "./db/schema";

export type UserRow = typeof users.$inferSelect;

const toAccount = ({ id, email, createdAt }: UserRow): Account => ({ id, email, createdAt });

async function activeUserWhere(db: Db, match: SQL): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(match, eq(users.status, "active")));
  return row;
}

export const activeUserByEmail = (db: Db, email: string) => activeUserWhere(db, eq(users.email, email));

export const activeUserById = (db: Db, id: string) => activeUserWhere(db, eq(users.id, id));

/** Whether an active account has this email (a pending one may yet fail, or be abandoned). */
export async function emailTaken(db: Db, email: string): Promise<boolean> {
  return (await activeUserByEmail(db, email)) !== undefined;
}

/**
 * Inserts a `pending` account; false when the email is taken (the unique index decides
 * between concurrent registrations, so exactly one wins).
 */
export async function insertPendingUser(db: Db, user: { id: string; email: string; passwordHash: string; now: string }): Promise<boolean> {
  const inserted = await db
    .insert(users)
    .values({ id: user.id, email: user.email, passwordHash: user.passwordHash, status: "pending", createdAt: user.now, updatedAt: user.now })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return inserted.length === 1;
}

/** The id of the registration of `email` left `pending` since before `cutoff` (ISO-8601), if any. */
export async function pendingUserBefore(db: Db, email: string, cutoff: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), eq(users.status, "pending"), lt(users.createdAt, cutoff)));
  return row?.id;
}

/** Deletes the account only while it is still `pending`. */
export async function deletePendingUser(db: Db, id: string): Promise<void> {
  await db.delete(users).where(and(eq(users.id, id), eq(users.status, "pending")));
}

export async function activateUser(db: Db, id: string): Promise<void> {
  await db.update(users).set({ status: "active" }).where(eq(users.id, id));
}

export async function deleteUser(db: Db, id: string): Promise<void> {
  await db.delete(users).where(eq(users.id, id));
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string, now: string): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id));
}

export async function accountsByIds(db: Db, ids: string[]): Promise<Record<string, Account>> {
  const rows = await db
    .select()
    .from(users)
    .where(and(inArray(users.id, jsonValues(ids)), eq(users.status, "active")));
  return Object.fromEntries(rows.map((row) => [row.id, toAccount(row)]));
}

/** Which of `ids` have an (active) account; any number of ids in one bound parameter. */
export async function idsWithAccount(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, jsonValues(ids)), eq(users.status, "active")));
  return rows.map((row) => row.id);
}

export interface Cursor {
  createdAt: string;
  id: string;
}

/** Newest first (createdAt desc, id desc); `first + 1` rows tell whether a next page exists. */
export async function accountsPage(db: Db, first: number, after?: Cursor): Promise<{ accounts: Account[]; hasNextPage: boolean }> {
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.status, "active"),
        after ? or(lt(users.createdAt, after.createdAt), and(eq(users.createdAt, after.createdAt), lt(users.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(first + 1);
  return { accounts: rows.slice(0, first).map(toAccount), hasNextPage: rows.length > first };
}

