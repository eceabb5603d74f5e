/**
 * The events consumer in workerd: per-message acks, back-off, redelivery applied once, and
 * the dead-letter keeper. (The real broker's redelivery and dead-letter queue are in
 * test/events.integration.test.ts.)
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { openDb } from "../../../../shared/d1";
import { accountFigures, deadEvents, failingEvents } from "../db/schema";
import { DEAD_LETTER_QUEUE } from "./consumer";
import { handleEvents } from "./handlers";
import { retryDelaySeconds } from "./settings";
import { tradingEvent } from "./testing";

const db = openDb(env.TRADING_DB);
const message = (id: string, body: unknown, attempts = 1) => ({ id, timestamp: new Date(), attempts, body });
const cashOf = async (accountId: string) => (await db.select().from(accountFigures).where(eq(accountFigures.accountId, accountId)))[0]?.cash ?? null;
const failing = (key: string) => db.select().from(failingEvents).where(eq(failingEvents.eventKey, key));

describe("events consumer", () => {
  it("rule: a failing message is retried with back-off and its batch's good messages are acked and applied", async () => {
    const poison = { ...tradingEvent("c-poison", 1, {}), version: "one" };
    const batch = createMessageBatch<unknown>("fafnir-trading-events", [
      message("m1", tradingEvent("c-a", 1, { cash: "100001.00" })),
      message("m2", poison, 3),
      message("m3", tradingEvent("c-b", 1, { cash: "100002.00" })),
    ]);
    // getQueueResult drops retry()'s delaySeconds (vitest-plugin 1.5.0, SPIKE.md): a spy sees it.
    const retry = vi.spyOn(batch.messages[1]!, "retry");
    const ctx = createExecutionContext();
    await handleEvents(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["m1", "m3"]);
    expect(result.retryMessages).toEqual([{ msgId: "m2" }]);
    // The third delivery: 10 s doubled twice.
    expect(retry).toHaveBeenCalledWith({ delaySeconds: 40 });
    expect([await cashOf("c-a"), await cashOf("c-b"), await cashOf("c-poison")]).toEqual(["100001.00", "100002.00", null]);
    expect(await failing(poison.eventId)).toMatchObject([{ attempts: 3, error: expect.stringContaining("version") }]);
  });

  it("rule: delivered at least once, applied once: a redelivered event changes the read model once", async () => {
    const once = tradingEvent("c-replay", 7, { cash: "99000.00" });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await handleEvents(createMessageBatch<unknown>("fafnir-trading-events", [message(`r${attempt}`, once, attempt)]), env);
    }
    await handleEvents(createMessageBatch<unknown>("fafnir-trading-events", [message("r-older", tradingEvent("c-replay", 6, { cash: "1.00" }))]), env);
    expect(await cashOf("c-replay")).toBe("99000.00");
  });

  it("an event that applies on a later delivery is no longer recorded as failing", async () => {
    const event = tradingEvent("c-later", 1, {});
    await db.insert(failingEvents).values({ eventKey: event.eventId, attempts: 1, error: "D1 was down", lastFailedAt: new Date().toISOString() });
    await handleEvents(createMessageBatch<unknown>("fafnir-trading-events", [message("l2", event, 2)]), env);
    expect(await failing(event.eventId)).toEqual([]);
    expect(await cashOf("c-later")).toBe("100000.00");
  });

  it("rule: a dead-letter queue keeps what fails repeatedly: in dead_events with its deliveries and last error, logged", async () => {
    const dead = tradingEvent("c-dead", 1, {});
    await db.insert(failingEvents).values({ eventKey: dead.eventId, attempts: 6, error: "malformed trading event: version", lastFailedAt: new Date().toISOString() });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const batch = createMessageBatch<unknown>(DEAD_LETTER_QUEUE, [message("d1", dead), message("d2", "not even an object")]);
    const ctx = createExecutionContext();
    await handleEvents(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.ackAll).toBe(true);
    const rows = await db.select().from(deadEvents).orderBy(deadEvents.messageId);
    expect(rows.filter((r) => r.messageId === "d1" || r.messageId === "d2")).toMatchObject([
      { messageId: "d1", eventId: dead.eventId, kind: "DEPOSITED", attempts: 6, error: "malformed trading event: version", body: JSON.stringify(dead) },
      { messageId: "d2", eventId: null, kind: null, attempts: 1, error: null, body: '"not even an object"' },
    ]);
    expect(await failing(dead.eventId)).toEqual([]);
    expect(errors.mock.calls.map(([line]) => JSON.parse(String(line)).message)).toEqual(["event dead-lettered", "event dead-lettered"]);
    errors.mockRestore();
  });

  it("the back-off doubles from its base up to its cap", () => {
    const settings = { EVENT_RETRY_BASE_SECONDS: 10, EVENT_RETRY_MAX_SECONDS: 600, RPC_TIMEOUT_MS: 3000 };
    expect([1, 2, 3, 4, 5, 6, 7, 60].map((attempts) => retryDelaySeconds(attempts, settings))).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
  });
});
