/** Watchlist queries: each change and the read of the resulting list are one D1 batch (one transaction). */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../shared/d1";
import { watchlistItems } from "./db/schema";
import type { WatchlistItem } from "./contract";

/** The list oldest first; rowid breaks ties between symbols added in the same millisecond. */
export const watchlistQuery = (db: Db, userId: string) =>
  db
    .select({ symbol: watchlistItems.symbol, addedAt: watchlistItems.addedAt })
    .from(watchlistItems)
    .where(eq(watchlistItems.userId, userId))
    .orderBy(asc(watchlistItems.addedAt), asc(sql`rowid`));

export type AddOutcome = { full: true } | { full: false; list: WatchlistItem[] };

/**
 * Adds `symbol` unless already listed. The cap is part of the INSERT itself: D1 runs one
 * statement at a time, so concurrent adds can never take a list past `max`.
 */
export async function addSymbol(db: Db, userId: string, symbol: string, max: number, now: string): Promise<AddOutcome> {
  const listed = db.$count(watchlistItems, eq(watchlistItems.userId, userId));
  const [, list] = await db.batch([
    db
      .insert(watchlistItems)
      .select(sql`select ${userId}, ${symbol}, ${now} where ${listed} < ${max}`)
      .onConflictDoNothing(),
    watchlistQuery(db, userId),
  ]);
  if (!list.some((item) => item.symbol === symbol)) return { full: true };
  return { full: false, list };
}

export async function removeSymbol(db: Db, userId: string, symbol: string): Promise<WatchlistItem[]> {
  const [, list] = await db.batch([
    db.delete(watchlistItems).where(and(eq(watchlistItems.userId, userId), eq(watchlistItems.symbol, symbol))),
    watchlistQuery(db, userId),
  ]);
  return list;
}
