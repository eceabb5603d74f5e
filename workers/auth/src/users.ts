/** Credentials in auth_db: one row per account, with its password hash. */
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { Account } from "./contract";
import { users } from "./db/schema";

export type UserRow = typeof users.$inferSelect;

const toAccount = ({ id, email, createdAt }: UserRow): Account => ({ id, email, createdAt });

export async function activeUserByEmail(d1: D1Database, email: string): Promise<UserRow | undefined> {
  const [row] = await drizzle(d1)
    .select()
    .from(users)
    .where(and(eq(users.email, email), eq(users.status, "active")));
  return row;
}

export async function activeUserById(d1: D1Database, id: string): Promise<UserRow | undefined> {
  const [row] = await drizzle(d1)
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.status, "active")));
  return row;
}

/** Whether an active account has this email (a pending one may yet fail, or be abandoned). */
export async function emailTaken(d1: D1Database, email: string): Promise<boolean> {
  return (await activeUserByEmail(d1, email)) !== undefined;
}

/**
 * Inserts a `pending` account; false when the email is taken (the unique index decides
 * between concurrent registrations, so exactly one wins).
 */
export async function insertPendingUser(d1: D1Database, user: { id: string; email: string; passwordHash: string; now: string }): Promise<boolean> {
  const inserted = await drizzle(d1)
    .insert(users)
    .values({ id: user.id, email: user.email, passwordHash: user.passwordHash, status: "pending", createdAt: user.now, updatedAt: user.now })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return inserted.length === 1;
}

export async function activateUser(d1: D1Database, id: string): Promise<void> {
  await drizzle(d1).update(users).set({ status: "active" }).where(eq(users.id, id));
}

export async function deleteUser(d1: D1Database, id: string): Promise<void> {
  await drizzle(d1).delete(users).where(eq(users.id, id));
}

export async function setPasswordHash(d1: D1Database, id: string, passwordHash: string, now: string): Promise<void> {
  await drizzle(d1).update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id));
}

export async function accountsByIds(d1: D1Database, ids: string[]): Promise<Record<string, Account>> {
  const rows = await drizzle(d1)
    .select()
    .from(users)
    .where(and(inArray(users.id, [...new Set(ids)]), eq(users.status, "active")));
  return Object.fromEntries(rows.map((row) => [row.id, toAccount(row)]));
}

/** Which of `ids` have an (active) account; any number of ids in one bound parameter. */
export async function idsWithAccount(d1: D1Database, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await drizzle(d1)
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, sql`(select value from json_each(${JSON.stringify(ids)}))`), eq(users.status, "active")));
  return rows.map((row) => row.id);
}

export interface Cursor {
  createdAt: string;
  id: string;
}

/** Newest first (createdAt desc, id desc); `first + 1` rows tell whether a next page exists. */
export async function accountsPage(d1: D1Database, first: number, after?: Cursor): Promise<{ accounts: Account[]; hasNextPage: boolean }> {
  const rows = await drizzle(d1)
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

