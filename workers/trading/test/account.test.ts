/** The account through the door, in workerd: opening, deposits, market orders and the reads. */
import { describe, expect, it } from "vitest";
import { rpcMethodNames } from "../../../shared/rpc-server";
import { TRADING_METHODS } from "../src/contract";
import TradingService from "../src/index";
import { ledgerBalance, market, meta, ok, openedAccount, quoted, withEnv, worker } from "./support";

describe("trading account", () => {
  it("serves exactly the contract's methods and reports healthy with its config and database", async () => {
    // queue() and scheduled() are the Worker's event handlers (events/), not RPC methods.
    const handlers = new Set(["queue", "scheduled"]);
    expect(rpcMethodNames(TradingService).filter((name) => !handlers.has(name)).sort()).toEqual([...TRADING_METHODS].sort());
    const report = await worker.health(meta);
    expect(report).toMatchObject({ service: "trading", ok: true });
    expect(Object.keys(report.checks).sort()).toEqual(["config", "database"]);
  });

  it("rule: STARTING_CASH is a setting: a new account opens with it and a reset returns to it", async () => {
    const userId = crypto.randomUUID();
    await withEnv(userId, { STARTING_CASH: "2500.50" });
    expect(ok(await worker.openAccount(meta, userId))).toMatchObject({ cash: "2500.50", netDeposits: "2500.50" });
    ok(await worker.deposit(meta, userId, "100.00"));
    expect(ok(await worker.resetAccount(meta, userId))).toMatchObject({ cash: "2500.50", netDeposits: "2500.50" });
  });

  it("rule: numbers are refused: every Decimal argument is a string (a JSON number is BAD_USER_INPUT)", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(10);
    expect(await worker.deposit(meta, userId, 100 as unknown as string)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "amount" }] } });
    for (const field of ["quantity", "limitPrice"] as const) {
      const input = { ...market(symbol, "BUY", "1"), type: "LIMIT" as const, limitPrice: "5", [field]: 5 };
      expect(await worker.placeOrder(meta, userId, input as never)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: `input.${field}` }] } });
    }
  });

  it("reads a page of another user's orders only through that user's id", async () => {
    const userId = await openedAccount();
    const other = await openedAccount();
    const symbol = await quoted(10);
    ok(await worker.placeOrder(meta, other, market(symbol, "BUY", "1")));
    const request = { first: 10, userId: other } as { first: number };
    expect(ok(await worker.orders(meta, userId, request)).edges).toEqual([]);
    expect(ok(await worker.activity(meta, userId, request)).edges).toHaveLength(1);
  });

  it("rule: openTradingAccount opens with STARTING_CASH (100000.00) and is idempotent", async () => {
    const userId = crypto.randomUUID();
    expect(ok(await worker.account(meta, userId))).toBeNull();
    const opened = ok(await worker.openAccount(meta, userId));
    expect(opened).toMatchObject({ currency: "USD", cash: "100000.00", buyingPower: "100000.00", netDeposits: "100000.00", realizedPnl: "0.00", onLeaderboard: false, resetAt: null, positions: [] });
    expect(ok(await worker.openAccount(meta, userId))).toEqual(opened);
    expect(ok(await worker.account(meta, userId))).toEqual(opened);
    const activity = ok(await worker.activity(meta, userId, { first: 10 }));
    expect(activity.edges.map((e) => [e.node.kind, e.node.amount, e.node.cashAfter])).toEqual([["OPENING_CASH", "100000.00", "100000.00"]]);
  });

  it("rule: a MARKET buy fills at once at p, cash moves by quantity * p to the cent", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(245.42);
    const order = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1.5")));
    expect(order).toMatchObject({ status: "FILLED", filledQuantity: "1.5", averageFillPrice: "245.42", cashAmount: "-368.13", reservedCash: "0.00", reason: null });
    const account = ok(await worker.account(meta, userId))!;
    expect(account.cash).toBe("99631.87");
    expect(account.positions).toEqual([{ symbol, quantity: "1.5", availableQuantity: "1.5", costBasis: "368.13", averageCost: "245.4200" }]);
    const balance = await ledgerBalance(userId);
    expect(balance.sum).toBe(balance.cash);
  });

  it("answers NOT_FOUND for an account that was never opened", async () => {
    const userId = crypto.randomUUID();
    const symbol = await quoted(10);
    expect(await worker.deposit(meta, userId, "10.00")).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1"))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await worker.orders(meta, userId, { first: 10 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
