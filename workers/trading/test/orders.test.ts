/** trading.md "Orders" and "Money and quantities", through the door and the account Durable Object in workerd. */
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TradingAccount } from "../src/account/account";
import type { OrderInput } from "../src/contract";
import { accountStub, ledgerBalance, limit, market, match, meta, ok, openedAccount, quoted, stock, tableOf, withEnv, worker } from "./support";

const account = async (userId: string) => ok(await worker.account(meta, userId))!;

describe("orders", () => {
  it("rule: a fill moves cash by quantity * fillPrice, rounded half away from zero to the cent (a buy takes it, a sell adds it)", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(10.01);
    // 0.5 * 10.01 = 5.005 -> 5.01 (half away from zero), both ways.
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "0.5"))).cashAmount).toBe("-5.01");
    expect((await account(userId)).cash).toBe("99994.99");
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "0.5"))).cashAmount).toBe("5.01");
    expect((await account(userId)).cash).toBe("100000.00");
    // 0.0001 * 10.0049 = 0.00100049 -> 0.00: rounds to the nearest cent, never up by default.
    const tiny = await quoted(10.0049);
    expect(ok(await worker.placeOrder(meta, userId, market(tiny, "BUY", "0.0001"))).cashAmount).toBe("0.00");
  });

  it("rule: at every moment cash = the sum of the amounts of all the account's activity entries", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(33.3333);
    ok(await worker.deposit(meta, userId, "0.07"));
    for (const quantity of ["1.0001", "2.5", "0.3333"]) ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", quantity)));
    ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "1.7")));
    const { cash, sum } = await ledgerBalance(userId);
    expect(sum).toBe(cash);
    const activity = ok(await worker.activity(meta, userId, { first: 100 }));
    expect(activity.edges[0]!.node.cashAfter).toBe((await account(userId)).cash);
  });

  it("rule: a MARKET buy whose cost exceeds buying power is REJECTED INSUFFICIENT_BUYING_POWER", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(1000);
    const order = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "100.0001")));
    expect(order).toMatchObject({ status: "REJECTED", reason: "INSUFFICIENT_BUYING_POWER", filledQuantity: "0", cashAmount: null });
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "100"))).status).toBe("FILLED");
    expect((await account(userId)).cash).toBe("0.00");
  });

  it("rule: buyingPower = cash minus reservations: a LIMIT or STOP_LIMIT buy reserves quantity * limitPrice, a STOP buy quantity * stopPrice, to the cent", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(50);
    const limitBuy = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "3", "10.005")));
    expect(limitBuy).toMatchObject({ status: "OPEN", reservedCash: "30.02" }); // 30.015 -> 30.02
    const stopBuy = ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "2"), type: "STOP", stopPrice: "60.125" }));
    expect(stopBuy).toMatchObject({ status: "OPEN", reservedCash: "120.25" });
    const stopLimit = ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "1"), type: "STOP_LIMIT", stopPrice: "70", limitPrice: "71" }));
    expect(stopLimit).toMatchObject({ status: "OPEN", reservedCash: "71.00" });
    const sell = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")));
    expect(sell.status).toBe("FILLED");
    const limitSell = ok(await worker.placeOrder(meta, userId, limit(symbol, "SELL", "1", "500")));
    expect(limitSell.reservedCash).toBe("0.00");
    const now = await account(userId);
    expect(now.cash).toBe("99950.00");
    expect(now.buyingPower).toBe("99728.73"); // 99950.00 - 30.02 - 120.25 - 71.00
  });

  it("rule: a limit or stop buy whose reservation exceeds buying power is REJECTED INSUFFICIENT_BUYING_POWER", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(50);
    ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1000", "40"))); // reserves 40000.00
    const tooMuch = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1500", "40.0001")));
    expect(tooMuch).toMatchObject({ status: "REJECTED", reason: "INSUFFICIENT_BUYING_POWER", reservedCash: "0.00" });
    const stop = ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "1000"), type: "STOP", stopPrice: "60.0001" }));
    expect(stop).toMatchObject({ status: "REJECTED", reason: "INSUFFICIENT_BUYING_POWER" });
    expect((await account(userId)).buyingPower).toBe("60000.00");
  });

  it("rule: availableQuantity = quantity minus what open sell orders hold; selling more than is available is INSUFFICIENT_POSITION (no short selling)", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(20);
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "1")))).toMatchObject({ status: "REJECTED", reason: "INSUFFICIENT_POSITION" });
    ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "10")));
    ok(await worker.placeOrder(meta, userId, limit(symbol, "SELL", "4", "99")));
    const { positions } = await account(userId);
    expect(positions[0]).toMatchObject({ quantity: "10", availableQuantity: "6" });
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "6.0001")))).toMatchObject({ status: "REJECTED", reason: "INSUFFICIENT_POSITION" });
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "6"))).status).toBe("FILLED");
    expect((await account(userId)).positions[0]).toMatchObject({ quantity: "4", availableQuantity: "0" });
  });

  it("rule: costBasis is the cash paid for the shares held, a sell of q of Q removes costBasis * q / Q; averageCost has 4 decimals; realizedPnl adds proceeds minus the basis removed", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(10);
    ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "3")));
    await stock.setQuote(symbol, 11.01);
    ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")));
    expect((await account(userId)).positions[0]).toMatchObject({ quantity: "4", costBasis: "41.01", averageCost: "10.2525" });
    await stock.setQuote(symbol, 12);
    ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "1")));
    let now = await account(userId);
    // 41.01 * 1/4 = 10.2525 -> 10.25 removed; 12.00 - 10.25 realized.
    expect(now.positions[0]).toMatchObject({ quantity: "3", costBasis: "30.76", averageCost: "10.2533" });
    expect(now.realizedPnl).toBe("1.75");
    await stock.setQuote(symbol, 9);
    ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "3")));
    now = await account(userId);
    // Closing the position removes all of its basis: 27.00 - 30.76.
    expect(now.positions).toEqual([]);
    expect(now.realizedPnl).toBe("-2.01");
  });

  it("rule: NOT_TRADABLE when the instrument's type is not EQUITY or ETF", async () => {
    const userId = await openedAccount();
    const index = await quoted(5000, "INDEX");
    const fund = await quoted(12, "MUTUALFUND");
    const etf = await quoted(400, "ETF");
    expect(ok(await worker.placeOrder(meta, userId, market(index, "BUY", "1")))).toMatchObject({ status: "REJECTED", reason: "NOT_TRADABLE" });
    expect(ok(await worker.placeOrder(meta, userId, limit(fund, "BUY", "1", "10")))).toMatchObject({ status: "REJECTED", reason: "NOT_TRADABLE" });
    expect(ok(await worker.placeOrder(meta, userId, market(etf, "BUY", "1"))).status).toBe("FILLED");
  });

  it("rule: NO_QUOTE when no quote can be had for the symbol right now", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(10);
    await stock.dropQuote(symbol);
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")))).toMatchObject({ status: "REJECTED", reason: "NO_QUOTE" });
    await stock.setQuote(symbol, 10);
    await stock.fail("quotes");
    try {
      expect(ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "5")))).toMatchObject({ status: "REJECTED", reason: "NO_QUOTE" });
    } finally {
      await stock.fail("quotes", false);
    }
  });

  it("rule: an unknown symbol is BAD_USER_INPUT and creates nothing", async () => {
    const userId = await openedAccount();
    const answer = await worker.placeOrder(meta, userId, market("NOSUCH", "BUY", "1"));
    expect(answer).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "input.symbol" }] } });
    expect(ok(await worker.orders(meta, userId, { first: 10 })).edges).toEqual([]);
  });

  it("rule: broken order arguments are BAD_USER_INPUT naming the field, and create nothing", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(10);
    const cases: [Partial<OrderInput> & Record<string, unknown>, string][] = [
      [{ quantity: "0" }, "input.quantity"],
      [{ quantity: "-1" }, "input.quantity"],
      [{ quantity: "1000000.0001" }, "input.quantity"],
      [{ quantity: "1.00001" }, "input.quantity"],
      [{ quantity: 1 as unknown as string }, "input.quantity"],
      [{ quantity: "1e3" }, "input.quantity"],
      [{ limitPrice: "10" }, "input.limitPrice"],
      [{ stopPrice: "10" }, "input.stopPrice"],
      [{ type: "LIMIT" }, "input.limitPrice"],
      [{ type: "STOP" }, "input.stopPrice"],
      [{ type: "STOP_LIMIT", limitPrice: "10" }, "input.stopPrice"],
      [{ type: "LIMIT", limitPrice: "0" }, "input.limitPrice"],
      [{ type: "LIMIT", limitPrice: "10.00001" }, "input.limitPrice"],
      [{ type: "STOP", stopPrice: "-5" }, "input.stopPrice"],
      [{ type: "STOP", stopPrice: 5 as unknown as string }, "input.stopPrice"],
      [{ clientOrderId: "" }, "input.clientOrderId"],
      [{ clientOrderId: "x".repeat(65) }, "input.clientOrderId"],
      [{ clientOrderId: "has space" }, "input.clientOrderId"],
      [{ side: "SHORT" as "BUY" }, "input.side"],
      [{ type: "TRAILING" as "MARKET" }, "input.type"],
      [{ timeInForce: "GTD" as "DAY" }, "input.timeInForce"],
      [{ symbol: "not a symbol!" }, "input.symbol"],
    ];
    for (const [change, field] of cases) {
      const answer = await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "1"), ...change });
      expect(answer.ok, JSON.stringify(change)).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe("BAD_USER_INPUT");
        expect(answer.error.details?.map((d) => d.field), JSON.stringify(change)).toContain(field);
      }
    }
    expect(ok(await worker.orders(meta, userId, { first: 10 })).edges).toEqual([]);
    // The edges of the rules are allowed.
    const edge = ok(await worker.placeOrder(meta, userId, { ...limit(symbol, "BUY", "0.0001", "0.0001"), clientOrderId: "A-z.0_9:" + "x".repeat(56) }));
    expect(edge.status).toBe("OPEN");
  });

  it("rule: a LIMIT buy fills when p <= limitPrice, at p (the price can only improve on the limit)", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    expect(ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "100.5")))).toMatchObject({ status: "FILLED", averageFillPrice: "100", cashAmount: "-100.00" });
    const resting = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "2", "90")));
    expect(resting).toMatchObject({ status: "OPEN", reservedCash: "180.00", filledQuantity: "0" });
    expect(await match(userId, [resting.id], "90.01")).toEqual([{ orderId: resting.id, outcome: "NOT_MATCHED" }]);
    expect(await match(userId, [resting.id], "89.5")).toEqual([{ orderId: resting.id, outcome: "FILLED" }]);
    expect(ok(await worker.order(meta, userId, resting.id))).toMatchObject({ status: "FILLED", averageFillPrice: "89.5", cashAmount: "-179.00", reservedCash: "0.00", filledQuantity: "2" });
    expect((await account(userId)).buyingPower).toBe("99721.00");
  });

  it("rule: a LIMIT sell fills when p >= limitPrice, at p", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "3")));
    expect(ok(await worker.placeOrder(meta, userId, limit(symbol, "SELL", "1", "99")))).toMatchObject({ status: "FILLED", averageFillPrice: "100" });
    const resting = ok(await worker.placeOrder(meta, userId, limit(symbol, "SELL", "2", "110")));
    expect(await match(userId, [resting.id], "109.99")).toEqual([{ orderId: resting.id, outcome: "NOT_MATCHED" }]);
    expect(await match(userId, [resting.id], "115")).toEqual([{ orderId: resting.id, outcome: "FILLED" }]);
    expect(ok(await worker.order(meta, userId, resting.id))).toMatchObject({ averageFillPrice: "115", cashAmount: "230.00" });
  });

  it("rule: a STOP buy triggers when p >= stopPrice, a STOP sell when p <= stopPrice, and fills at p as a market order", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "5")));
    const stopBuy = ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "1"), type: "STOP", stopPrice: "105", timeInForce: "GTC" }));
    const stopSell = ok(await worker.placeOrder(meta, userId, { ...market(symbol, "SELL", "1"), type: "STOP", stopPrice: "95", timeInForce: "GTC" }));
    expect([stopBuy.status, stopSell.status]).toEqual(["OPEN", "OPEN"]);
    expect(await match(userId, [stopBuy.id, stopSell.id], "104.99")).toEqual([
      { orderId: stopBuy.id, outcome: "NOT_MATCHED" },
      { orderId: stopSell.id, outcome: "NOT_MATCHED" },
    ]);
    expect(await match(userId, [stopBuy.id], "107.5")).toEqual([{ orderId: stopBuy.id, outcome: "FILLED" }]);
    expect(await match(userId, [stopSell.id], "94")).toEqual([{ orderId: stopSell.id, outcome: "FILLED" }]);
    const [buy, sell] = [ok(await worker.order(meta, userId, stopBuy.id))!, ok(await worker.order(meta, userId, stopSell.id))!];
    expect(buy).toMatchObject({ averageFillPrice: "107.5", cashAmount: "-107.50" });
    expect(buy.triggeredAt).not.toBeNull();
    expect(sell).toMatchObject({ averageFillPrice: "94", cashAmount: "94.00" });
    // Placed with the stop already reached, it fills before placeOrder answers.
    expect(ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "1"), type: "STOP", stopPrice: "99" }))).toMatchObject({ status: "FILLED", averageFillPrice: "100" });
  });

  it("rule: a triggered STOP buy whose cost then exceeds buying power becomes REJECTED INSUFFICIENT_BUYING_POWER", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const stop = ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "900"), type: "STOP", stopPrice: "110", timeInForce: "GTC" }));
    expect(stop.reservedCash).toBe("99000.00");
    expect(await match(userId, [stop.id], "111.12")).toEqual([{ orderId: stop.id, outcome: "REJECTED" }]); // 100008.00 > 100000.00
    expect(ok(await worker.order(meta, userId, stop.id))).toMatchObject({ status: "REJECTED", reason: "INSUFFICIENT_BUYING_POWER", reservedCash: "0.00" });
    expect((await account(userId)).buyingPower).toBe("100000.00");
  });

  it("rule: oldest order first: the symbol book's orders are matched in the order they were placed", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const older = ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "450"), type: "STOP", stopPrice: "110", timeInForce: "GTC" }));
    const newer = ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "450"), type: "STOP", stopPrice: "110", timeInForce: "GTC" }));
    // Each reserves 49500.00; at 112 each costs 50400.00: whichever goes first fills (100000.00 - 49500.00 covers it),
    // and the other is then rejected (49600.00 left).
    expect(await match(userId, [newer.id, older.id], "112")).toEqual([
      { orderId: older.id, outcome: "FILLED" },
      { orderId: newer.id, outcome: "REJECTED" },
    ]);
  });

  it("rule: STOP_LIMIT becomes a LIMIT at its limitPrice when triggered", async () => {
    const userId = await openedAccount();
    // 104.5 acts on the order neither before its trigger (below the stop) nor after (above the limit),
    // so the symbol book's own polls of the scripted quote change nothing here.
    const symbol = await quoted(104.5);
    const order = ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "1"), type: "STOP_LIMIT", stopPrice: "105", limitPrice: "104", timeInForce: "GTC" }));
    expect(order).toMatchObject({ status: "OPEN", triggeredAt: null, reservedCash: "104.00" });
    // Reached at 107 but above the limit: triggered, still open.
    expect(await match(userId, [order.id], "107")).toEqual([{ orderId: order.id, outcome: "TRIGGERED" }]);
    const triggered = ok(await worker.order(meta, userId, order.id))!;
    expect(triggered.status).toBe("OPEN");
    expect(triggered.triggeredAt).not.toBeNull();
    // Now a LIMIT at 104: it fills below the stop.
    expect(await match(userId, [order.id], "103")).toEqual([{ orderId: order.id, outcome: "FILLED" }]);
    expect(ok(await worker.order(meta, userId, order.id))).toMatchObject({ status: "FILLED", averageFillPrice: "103" });
    // Placed with the stop reached and the limit allowing it: filled at once.
    expect(ok(await worker.placeOrder(meta, userId, { ...market(symbol, "SELL", "1"), type: "STOP_LIMIT", stopPrice: "105", limitPrice: "104" }))).toMatchObject({ status: "FILLED", averageFillPrice: "104.5" });
  });

  it("rule: IOC and FOK orders that cannot fill at once end CANCELED NOT_IMMEDIATELY_FILLABLE; when they can, they fill", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    for (const timeInForce of ["IOC", "FOK"] as const) {
      expect(ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "90", { timeInForce })))).toMatchObject({ status: "CANCELED", reason: "NOT_IMMEDIATELY_FILLABLE", reservedCash: "0.00" });
      expect(ok(await worker.placeOrder(meta, userId, { ...market(symbol, "BUY", "1"), type: "STOP", stopPrice: "120", timeInForce }))).toMatchObject({ status: "CANCELED", reason: "NOT_IMMEDIATELY_FILLABLE" });
      expect(ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "101", { timeInForce }))).status).toBe("FILLED");
      expect(ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1", { timeInForce }))).status).toBe("FILLED");
    }
    expect((await account(userId)).buyingPower).toBe("99600.00");
  });

  it("rule: an order that can match is matched before placeOrder answers; right after, it is in orders and its fill in activity", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(42);
    const order = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "2")));
    const orders = ok(await worker.orders(meta, userId, { first: 1 }));
    expect(orders.edges[0]!.node).toEqual(order);
    const activity = ok(await worker.activity(meta, userId, { first: 1 }));
    expect(activity.edges[0]!.node).toMatchObject({ kind: "BUY", amount: "-84.00", cashAfter: "99916.00", order });
  });

  it("rule: fills are always complete and an order fills at most once", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const order = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "3", "90")));
    const [first, second] = await Promise.all([match(userId, [order.id], "89"), match(userId, [order.id], "88")]);
    expect([first[0]!.outcome, second[0]!.outcome].sort()).toEqual(["FILLED", "NOT_OPEN"]);
    const filled = ok(await worker.order(meta, userId, order.id))!;
    expect(filled.filledQuantity).toBe("3");
    const buys = (await tableOf(userId, "SELECT COUNT(*) AS n FROM activity WHERE kind = 'BUY'"))[0];
    expect(buys).toEqual({ n: 1 });
  });

  it("rule: cancelOrder ends an open order CANCELED (CANCELED_BY_USER), releases its reservation, and is idempotent", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const order = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "10", "50")));
    expect((await account(userId)).buyingPower).toBe("99500.00");
    const canceled = ok(await worker.cancelOrder(meta, userId, order.id));
    expect(canceled).toMatchObject({ status: "CANCELED", reason: "CANCELED_BY_USER", reservedCash: "0.00" });
    expect((await account(userId)).buyingPower).toBe("100000.00");
    expect(ok(await worker.cancelOrder(meta, userId, order.id))).toEqual(canceled);
    expect(await match(userId, [order.id], "40")).toEqual([{ orderId: order.id, outcome: "NOT_OPEN" }]);
  });

  it("rule: canceling a filled, expired or rejected order is BAD_USER_INPUT; an unknown order, or another account's, is NOT_FOUND", async () => {
    const userId = await openedAccount();
    const other = await openedAccount();
    const symbol = await quoted(100);
    const filled = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")));
    const rejected = ok(await worker.placeOrder(meta, userId, market(symbol, "SELL", "5")));
    const day = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "1", { timeInForce: "DAY" })));
    await runInDurableObject(accountStub(userId), (instance: TradingAccount) => instance.expireDue(new Date(Date.now() + 86_400_000)));
    for (const order of [filled, rejected, day]) {
      expect(await worker.cancelOrder(meta, userId, order.id)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "id" }] } });
    }
    expect(await worker.cancelOrder(meta, userId, crypto.randomUUID())).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await worker.cancelOrder(meta, other, filled.id)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(ok(await worker.order(meta, other, filled.id))).toBeNull();
  });

  it("rule: clientOrderId: placing again with an id the account already used answers that first order unchanged", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    const first = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1", { clientOrderId: "ticket-1" })));
    const again = ok(await worker.placeOrder(meta, userId, limit(symbol, "SELL", "7", "1", { clientOrderId: "ticket-1" })));
    expect(again).toEqual(first);
    expect(ok(await worker.orders(meta, userId, { first: 10 })).edges).toHaveLength(1);
    // Ids are the account's own: another account may use the same one.
    const other = await openedAccount();
    expect(ok(await worker.placeOrder(meta, other, market(symbol, "BUY", "1", { clientOrderId: "ticket-1" }))).id).not.toBe(first.id);
  });

  it("rule: at most 100 open orders per account (BAD_USER_INPUT, nothing created, for an order that could rest)", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100);
    for (let i = 0; i < 100; i++) ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "1")));
    const answer = await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "1"));
    expect(answer).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    const open = ok(await worker.orders(meta, userId, { first: 100, status: "OPEN" }));
    expect(open.edges).toHaveLength(100);
    expect(open.pageInfo.hasNextPage).toBe(false);
    // Orders that never rest are still taken: a MARKET order, an IOC limit.
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1"))).status).toBe("FILLED");
    expect(ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "1", { timeInForce: "IOC" }))).status).toBe("CANCELED");
    expect(ok(await worker.orders(meta, userId, { first: 100, status: "OPEN" })).edges).toHaveLength(100);
  }, 30_000);

  it("rule: TRADING_HOURS=exchange: a MARKET order outside REGULAR is REJECTED MARKET_CLOSED; limit and stop orders are accepted and match only during REGULAR", async () => {
    const userId = await openedAccount();
    await withEnv(userId, { TRADING_HOURS: "exchange" });
    const symbol = await quoted(100, "EQUITY", "POST");
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")))).toMatchObject({ status: "REJECTED", reason: "MARKET_CLOSED" });
    const marketable = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "150")));
    expect(marketable.status).toBe("OPEN");
    expect(await match(userId, [marketable.id], "100", "CLOSED")).toEqual([{ orderId: marketable.id, outcome: "NOT_MATCHED" }]);
    expect(await match(userId, [marketable.id], "100", "REGULAR")).toEqual([{ orderId: marketable.id, outcome: "FILLED" }]);
    await stock.setQuote(symbol, 100, "REGULAR");
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1"))).status).toBe("FILLED");
  });

  it("rule: TRADING_HOURS=always: the paper venue is open around the clock at whatever the quote says", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(100, "EQUITY", "CLOSED");
    expect(ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1"))).status).toBe("FILLED");
    const resting = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "90")));
    expect(await match(userId, [resting.id], "90", "CLOSED")).toEqual([{ orderId: resting.id, outcome: "FILLED" }]);
  });
});
