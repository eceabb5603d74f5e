/** The read model in workerd's D1: each event once, the newest version wins, removal is final. */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDb } from "../../../../shared/d1";
import { accountFigures, appliedEvents, leaderboard } from "../db/schema";
import { applyEvent, parseEvent } from "./read-model";
import { tradingEvent } from "./testing";

const db = openDb(env.TRADING_DB);
const figuresOf = async (accountId: string) => (await db.select().from(accountFigures).where(eq(accountFigures.accountId, accountId)))[0] ?? null;
const apply = (event: ReturnType<typeof tradingEvent>) => applyEvent(db, parseEvent(event), new Date().toISOString());

describe("read model", () => {
  it("rule: consumers apply each event once by its id (a replayed event changes nothing the second time)", async () => {
    const event = tradingEvent("rm-once", 1, { cash: "100500.00", netDeposits: "100500.00" });
    await apply(event);
    await apply(event);
    await apply({ ...event });
    expect(await figuresOf("rm-once")).toMatchObject({ version: 1, cash: "100500.00", netDeposits: "100500.00", onLeaderboard: true, positions: [] });
    expect(await db.select().from(appliedEvents).where(eq(appliedEvents.eventId, event.eventId))).toHaveLength(1);
  });

  it("an account's figures come only from a higher version: a late, older event never rolls it back", async () => {
    await apply(tradingEvent("rm-order", 3, { cash: "70000.00", positions: [{ symbol: "AAPL", quantity: "10.5" }] }));
    await apply(tradingEvent("rm-order", 2, { cash: "90000.00" }));
    expect(await figuresOf("rm-order")).toMatchObject({ version: 3, cash: "70000.00", positions: [{ symbol: "AAPL", quantity: "10.5" }] });
    await apply(tradingEvent("rm-order", 4, { cash: "71000.00", onLeaderboard: false }, "VISIBILITY_CHANGED"));
    expect(await figuresOf("rm-order")).toMatchObject({ version: 4, cash: "71000.00", onLeaderboard: false });
  });

  it("ACCOUNT_REMOVED removes the account, its rank at once, and no late event brings it back", async () => {
    await apply(tradingEvent("rm-gone", 1, {}));
    await db.insert(leaderboard).values({ rank: 900, accountId: "rm-gone", userId: "user-of-rm-gone", totalReturnPercent: 0, since: "2026-12-01T10:00:00.000Z" });
    await apply(tradingEvent("rm-gone", 5, null, "ACCOUNT_REMOVED"));
    expect(await figuresOf("rm-gone")).toBeNull();
    expect(await db.select().from(leaderboard).where(eq(leaderboard.accountId, "rm-gone"))).toEqual([]);
    await apply(tradingEvent("rm-gone", 4, { cash: "1.00" }));
    expect(await figuresOf("rm-gone")).toBeNull();
  });

  it("a malformed event is refused with what is wrong (the consumer then retries and dead-letters it)", () => {
    expect(() => parseEvent({ ...tradingEvent("rm-bad", 1, { cash: "12.345" }) })).toThrow(/account\.cash: must be decimal text with at most 2 places/);
    expect(() => parseEvent({ ...tradingEvent("rm-bad", 0, {}) })).toThrow(/version/);
    expect(() => parseEvent("not an event")).toThrow(/malformed trading event/);
  });
});
