/**
 * The dead-letter queue's consumer: events the consumer gave up on, kept in D1
 * (`dead_events`, with how often and why they failed) and logged as errors, for a person
 * to look at and replay. Never dropped: a failing write retries the whole batch.
 */
import { eq, inArray } from "drizzle-orm";
import { jsonValues } from "../../../../shared/d1";
import { deadEvents, failingEvents } from "../db/schema";
import { eventKey, type ConsumerDeps } from "./failures";

const field = (body: unknown, name: "eventId" | "kind"): string | null => {
  const value = (body as Record<string, unknown> | null)?.[name];
  return typeof value === "string" ? value : null;
};

export async function keepDeadLetters(batch: MessageBatch<unknown>, { db, log, now }: ConsumerDeps): Promise<void> {
  const keys = batch.messages.map((m) => eventKey(m.body));
  const failures = new Map((await db.select().from(failingEvents).where(inArray(failingEvents.eventKey, jsonValues(keys)))).map((f) => [f.eventKey, f]));
  const deadAt = now().toISOString();
  const rows = batch.messages.map((message, i) => {
    const failure = failures.get(keys[i]!);
    return {
      messageId: message.id,
      eventId: field(message.body, "eventId"),
      kind: field(message.body, "kind"),
      body: JSON.stringify(message.body) ?? "undefined",
      attempts: failure?.attempts ?? message.attempts,
      error: failure?.error ?? null,
      deadAt,
    };
  });
  if (rows.length === 0) return;
  // One statement per row: D1 binds at most 100 parameters per statement.
  const [first, ...rest] = rows.map((row) => db.insert(deadEvents).values(row).onConflictDoNothing());
  await db.batch([first!, ...rest, ...keys.map((key) => db.delete(failingEvents).where(eq(failingEvents.eventKey, key)))]);
  for (const row of rows) log.error("event dead-lettered", { messageId: row.messageId, eventId: row.eventId, kind: row.kind, attempts: row.attempts, error: row.error });
  batch.ackAll();
}
