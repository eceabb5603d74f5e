/** equityHistory through the door: the ledger since the opening or reset, and ONE batched history call. */
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addDays, easternTime } from "../../../shared/exchange-calendar";
import { accountStub, market, meta, ok, openedAccount, quoted, stock, tableOf, worker } from "./support";

/** Moves an activity entry (by kind) to noon New York time on `date`: the ledger as if it had happened then. */
function backdate(userId: string, kind: string, date: string) {
  return runInDurableObject(accountStub(userId), (_instance, state) => {
    state.storage.sql.exec("UPDATE activity SET at = ? WHERE kind = ?", `${date}T17:00:00.000Z`, kind);
  });
}

describe("equityHistory", () => {
  it("rule: equityHistory: one point per completed trading day since the opening, at the day's closing equity, then today once at current equity", async () => {
    const userId = await openedAccount();
    const held = await quoted(100);
    const other = await quoted(50);
    ok(await worker.placeOrder(meta, userId, market(held, "BUY", "10")));
    const today = easternTime(new Date()).date;
    const [d3, d2, d1] = [addDays(today, -3), addDays(today, -2), addDays(today, -1)];
    await backdate(userId, "OPENING_CASH", d3);
    await backdate(userId, "BUY", d2);
    await stock.setHistory(held, [
      { date: addDays(today, -4), close: 90 },
      { date: d3, close: 95 },
      { date: d2, close: 101.5 },
      { date: d1, close: 103.25 },
      { date: today, close: 104 },
    ]);
    await stock.setQuote(held, 104.01);
    await stock.setHistory(other, [{ date: d1, close: 1 }]);
    const before = (await stock.calls()).length;
    const points = ok(await worker.equityHistory(meta, userId, "ONE_MONTH"));
    expect(points).toEqual([
      { date: d3, equity: "100000.00" },
      { date: d2, equity: "100015.00" }, // 99000.00 + 10 x 101.50
      { date: d1, equity: "100032.50" }, // 99000.00 + 10 x 103.25
      { date: today, equity: "100040.10" }, // 99000.00 + 10 x 104.01 (the current quote)
    ]);
    const calls = (await stock.calls()).slice(before);
    expect(calls.filter((c) => c.method === "history")).toEqual([{ method: "history", symbols: [held], period: "ONE_MONTH" }]);
  });

  it("rule: equityHistory starts again at the last reset; an account that held nothing is dated by weekdays", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "10")));
    ok(await worker.resetAccount(meta, userId));
    ok(await worker.deposit(meta, userId, "5.00"));
    const before = (await stock.calls()).length;
    const points = ok(await worker.equityHistory(meta, userId, "ONE_MONTH"));
    expect(points).toEqual([{ date: easternTime(new Date()).date, equity: "100005.00" }]);
    expect((await stock.calls()).slice(before).filter((c) => c.method === "history")).toEqual([]);
    expect(await worker.equityHistory(meta, userId, "TEN_YEARS" as "MAX")).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "period" }] } });
    expect(await tableOf(userId, "SELECT kind FROM activity ORDER BY seq")).toEqual([{ kind: "OPENING_CASH" }, { kind: "BUY" }, { kind: "RESET" }, { kind: "DEPOSIT" }]);
  });
});
