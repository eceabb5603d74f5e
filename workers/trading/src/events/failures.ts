/**
 * What the consumers share: their dependencies, and the record of events that failed and
 * wait for a retry (so a dead letter says how often and why it failed).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../../shared/d1";
import type { Logger } from "../../../../shared/logger";
import { failingEvents } from "../db/schema";
import type { EventsSettings } from "./settings";

export interface ConsumerDeps {
  db: Db;
  log: Logger;
  settings: EventsSettings;
  now: () => Date;
}

/** The key a failing message is remembered by: its event id, or its raw body when it has none. */
export function eventKey(body: unknown): string {
  const id = (body as { eventId?: unknown } | null)?.eventId;
  return typeof id === "string" && id !== "" ? id : (JSON.stringify(body) ?? "undefined");
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Best effort (the caller logs a failure to record it): the highest attempt seen and the last error. */
export async function noteFailure({ db, now }: ConsumerDeps, message: Message<unknown>, error: unknown): Promise<void> {
  await db
    .insert(failingEvents)
    .values({ eventKey: eventKey(message.body), attempts: message.attempts, error: errorText(error), lastFailedAt: now().toISOString() })
    .onConflictDoUpdate({
      target: failingEvents.eventKey,
      set: { attempts: sql`max(${failingEvents.attempts}, excluded.attempts)`, error: sql`excluded.error`, lastFailedAt: sql`excluded.last_failed_at` },
    });
}

/** A retried event that finally applied is no longer failing. */
export async function forgetFailure({ db }: ConsumerDeps, message: Message<unknown>): Promise<void> {
  await db.delete(failingEvents).where(eq(failingEvents.eventKey, eventKey(message.body)));
}
