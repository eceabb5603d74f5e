/** Profile queries: one statement each, so every change is atomic. */
import { eq, inArray, sql } from "drizzle-orm";
import { jsonValues, type Db } from "../../../shared/d1";
import { profiles } from "./db/schema";
import type { Overview, Profile } from "./contract";
import { watchlistQuery } from "./watchlist";

/** The new profile, or null when the user already has one. */
export async function insertProfile(
  db: Db,
  input: { userId: string; firstName: string; lastName: string },
  now: string,
): Promise<Profile | null> {
  const [created] = await db
    .insert(profiles)
    .values({ ...input, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  return created ?? null;
}

/** The profiles of the users that have one, keyed by user id, in one query. */
export async function profilesOf(db: Db, userIds: string[]): Promise<Record<string, Profile>> {
  const rows = await db.select().from(profiles).where(inArray(profiles.userId, jsonValues(userIds)));
  return Object.fromEntries(rows.map((profile) => [profile.userId, profile]));
}

/**
 * The changed profile, or null when the user has none. `updatedAt` always moves forward,
 * even for two changes within one millisecond or behind a slower clock.
 */
export async function changeProfile(
  db: Db,
  userId: string,
  patch: { firstName?: string; lastName?: string },
  now: string,
): Promise<Profile | null> {
  const nextMillisecond = sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${profiles.updatedAt}, '+0.001 seconds')`;
  const [changed] = await db
    .update(profiles)
    .set({ ...patch, updatedAt: sql`max(${now}, ${nextMillisecond})` })
    .where(eq(profiles.userId, userId))
    .returning();
  return changed ?? null;
}

/** A user's profile and watchlist read in one D1 round trip. */
export async function overviewOf(db: Db, userId: string): Promise<Overview> {
  const [found, watchlist] = await db.batch([db.select().from(profiles).where(eq(profiles.userId, userId)), watchlistQuery(db, userId)]);
  return { profile: found[0] ?? null, watchlist };
}
