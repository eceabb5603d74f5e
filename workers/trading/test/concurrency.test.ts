/**
 * trading.md "Cash never goes below zero ... whatever the concurrency": concurrent calls on
 * one account Durable Object, with the stock service answering after a delay so that each
 * order's await of its quote is a real gap in which the others run.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ledgerBalance, limit, market, match, meta, ok, openedAccount, quoted, stock, worker } from "./support";

afterEach(() => stock.setDelay(0));

describe("concurrency", () => {
  it("rule: clientOrderId: 20 concurrent placements with one id create exactly one order, and all answer it", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    await stock.setDelay(15);
    const answers = await Promise.all(Array.from({ length: 20 }, () => worker.placeOrder(meta, userId, market(symbol, "BUY", "1", { clientOrderId: "once:only" }))));
    const ids = new Set(answers.map((a) => ok(a).id));
    expect(ids.size).toBe(1);
    expect(ok(await worker.orders(meta, userId, { first: 100 })).edges).toHaveLength(1);
    expect(ok(await worker.account(meta, userId))!.cash).toBe("99900.00");
  });

  it("rule: cash never goes below zero, whatever the concurrency: 50 concurrent orders that together exceed the cash, the affordable ones fill, the rest are REJECTED, cash exact", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(3000.5);
    await stock.setDelay(10);
    const answers = await Promise.all(Array.from({ length: 50 }, () => worker.placeOrder(meta, userId, market(symbol, "BUY", "1"))));
    const statuses = answers.map((a) => ok(a).status);
    expect(statuses.filter((s) => s === "FILLED")).toHaveLength(33);
    expect(answers.map((a) => ok(a)).filter((o) => o.status === "REJECTED").every((o) => o.reason === "INSUFFICIENT_BUYING_POWER")).toBe(true);
    expect(statuses.filter((s) => s === "REJECTED")).toHaveLength(17);
    const account = ok(await worker.account(meta, userId))!;
    expect(account.cash).toBe("983.50"); // 100000.00 - 33 * 3000.50
    expect(account.positions[0]).toMatchObject({ quantity: "33", costBasis: "99016.50" });
    const { cash, sum } = await ledgerBalance(userId);
    expect(sum).toBe(cash);
  });

  it("rule: two orders each affordable alone but not together: one fills or rests with its reservation, the other is REJECTED", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    await stock.setDelay(10);
    const [a, b] = await Promise.all([
      worker.placeOrder(meta, userId, limit(symbol, "BUY", "600", "90")),
      worker.placeOrder(meta, userId, market(symbol, "BUY", "600")),
    ]);
    const outcomes = [ok(a), ok(b)].map((o) => `${o.status}${o.reason ? ` ${o.reason}` : ""}`);
    expect(outcomes.filter((o) => o === "REJECTED INSUFFICIENT_BUYING_POWER")).toHaveLength(1);
    const account = ok(await worker.account(meta, userId))!;
    expect(["100000.00", "40000.00"]).toContain(account.cash);
    expect(BigInt(account.buyingPower.replace(".", ""))).toBeGreaterThanOrEqual(0n);
  });

  it("rule: a cancel and a fill racing end with exactly one winner", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    for (let round = 0; round < 10; round++) {
      const order = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "50")));
      const [canceled, matched] = await Promise.all([worker.cancelOrder(meta, userId, order.id), match(userId, [order.id], "49")]);
      const outcome = matched[0]!.outcome;
      if (canceled.ok) {
        expect(canceled.value.status).toBe("CANCELED");
        expect(outcome).toBe("NOT_OPEN");
      } else {
        expect(canceled.error.code).toBe("BAD_USER_INPUT");
        expect(outcome).toBe("FILLED");
      }
      expect(ok(await worker.order(meta, userId, order.id))!.status).toBe(canceled.ok ? "CANCELED" : "FILLED");
    }
    const { cash, sum } = await ledgerBalance(userId);
    expect(sum).toBe(cash);
  });
});
