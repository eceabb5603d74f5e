/** watchOrders: the account Durable Object streams each committed order change to its watchers. */
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { readLiveStream } from "../../../shared/live-stream";
import type { TradingAccount } from "../src/account/account";
import type { OrderState } from "../src/contract";
import { accountStub, limit, market, match, meta, ok, openedAccount, quoted, worker } from "./support";

const watch = async (userId: string) => readLiveStream<OrderState>(ok(await worker.watchOrders(meta, userId)));
const next = async (events: AsyncGenerator<OrderState>) => (await events.next()).value as OrderState;

describe("watchOrders", () => {
  it("streams a placed market order (FILLED), a placed limit order (OPEN) and its cancel (CANCELED)", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(20);
    const events = await watch(userId);
    const filled = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")));
    expect(await next(events)).toEqual(filled);
    const open = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "10")));
    expect(await next(events)).toMatchObject({ id: open.id, status: "OPEN" });
    ok(await worker.cancelOrder(meta, userId, open.id));
    const canceled = await next(events);
    expect(canceled).toMatchObject({ id: open.id, status: "CANCELED" });
    expect(canceled).toEqual(ok(await worker.order(meta, userId, open.id)));
  });

  it("streams a resting order filled by the symbol book, and an expiry", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(20);
    const events = await watch(userId);
    const resting = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "10")));
    await next(events);
    await match(userId, [resting.id], "9");
    expect(await next(events)).toMatchObject({ id: resting.id, status: "FILLED" });
    const expiring = ok(await worker.placeOrder(meta, userId, limit(symbol, "BUY", "1", "5")));
    await next(events);
    await runInDurableObject(accountStub(userId), (instance: TradingAccount) => instance.expireDue(new Date(Date.now() + 400 * 86_400_000)));
    expect(await next(events)).toMatchObject({ id: expiring.id, status: "EXPIRED" });
  });

  it("feeds every watcher, and drops a canceled one while the others go on", async () => {
    const userId = await openedAccount();
    const symbol = await quoted(20);
    const first = await watch(userId);
    const second = await watch(userId);
    const placed = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")));
    expect(await next(first)).toEqual(placed);
    expect(await next(second)).toEqual(placed);
    await first.return();
    const again = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")));
    expect(await next(second)).toEqual(again);
    const third = ok(await worker.placeOrder(meta, userId, market(symbol, "BUY", "1")));
    expect(await next(second)).toEqual(third);
  });
});
