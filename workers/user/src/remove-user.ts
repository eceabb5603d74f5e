import { eq } from "drizzle-orm";
import type { Db } from "../../../shared/d1";
import { profiles, watchlistItems } from "./db/schema";

/** The user's profile and watchlist, gone in one transaction. */
export async function removeUserData(db: Db, userId: string): Promise<void> {
  await db.batch([
    db.delete(watchlistItems).where(eq(watchlistItems.userId, userId)),
    db.delete(profiles).where(eq(profiles.userId, userId)),
  ]);
}
