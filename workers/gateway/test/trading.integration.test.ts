/**
 * Paper trading through the real gateway and Workers (trading.graphql, trading.md): the
 * account, Decimal input, orders, positions valued at the current quotes with one batched
 * stock call, the leaderboard, and account deletion. Expected amounts are computed with
 * shared/decimal.ts, never with JS numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASH_SCALE, cashAmount, formatDecimal, formatTrimmed, fromQuotePrice, parseDecimal, percentOf, UNIT_SCALE } from "../../../shared/decimal.ts";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { errorCodes, graphql, signUp, type GraphQLResponse, type SignedIn } from "./support/graphql-client.ts";
import { rpcCalls } from "./support/rpc-calls.ts";

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const meta = { requestId: "trading-integration-check" };

interface D1Reader {
  prepare(query: string): { bind(...values: unknown[]): { first<T>(): Promise<T | null> } };
}
const cents = (text: string) => parseDecimal(text, CASH_SCALE)!;
const units = (text: string) => parseDecimal(text, UNIT_SCALE)!;
const money = (value: bigint) => formatDecimal(value, CASH_SCALE);
const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
const argument = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.["argument"];

const ACCOUNT = "id cash buyingPower positionsValue equity netDeposits totalReturn totalReturnPercent realizedPnl unrealizedPnl onLeaderboard resetAt";
const ORDER = "id clientOrderId symbol side type timeInForce quantity limitPrice stopPrice status reason filledQuantity averageFillPrice cashAmount reservedCash";

interface Account {
  id: string;
  cash: string;
  buyingPower: string;
  positionsValue: string;
  equity: string;
  netDeposits: string;
  totalReturn: string;
  totalReturnPercent: number;
  realizedPnl: string;
  unrealizedPnl: string;
  onLeaderboard: boolean;
  resetAt: string | null;
}

interface Order {
  id: string;
  status: string;
  reason: string | null;
  quantity: string;
  averageFillPrice: string | null;
  cashAmount: string | null;
  reservedCash: string;
}

/** A member with an open account. */
async function trader(prefix = "trader"): Promise<SignedIn> {
  const user = await signUp(platform, prefix);
  const opened = await graphql(platform, "mutation { openTradingAccount { id } }", { token: user.token });
  expect(opened.errors).toBeUndefined();
  return user;
}

const accountOf = async (user: SignedIn) =>
  (await graphql<{ me: { tradingAccount: Account | null } }>(platform, `{ me { tradingAccount { ${ACCOUNT} } } }`, { token: user.token })).data?.me
    .tradingAccount;

async function place(user: SignedIn, input: Record<string, unknown>) {
  return graphql<{ placeOrder: Order }>(platform, `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER} } }`, {
    variables: { input },
    token: user.token,
  });
}

async function placed(user: SignedIn, input: Record<string, unknown>): Promise<Order> {
  const response = await place(user, input);
  expect(response.errors).toBeUndefined();
  return response.data!.placeOrder;
}

describe("the account", () => {
  it("rule: openTradingAccount opens it with the starting cash, and is idempotent", async () => {
    const user = await signUp(platform, "opener");
    expect(await accountOf(user)).toBeNull();
    const first = await graphql<{ openTradingAccount: Account }>(platform, `mutation { openTradingAccount { ${ACCOUNT} } }`, { token: user.token });
    expect(first.errors).toBeUndefined();
    expect(first.data?.openTradingAccount).toEqual({
      id: expect.any(String),
      cash: "100000.00",
      buyingPower: "100000.00",
      positionsValue: "0.00",
      equity: "100000.00",
      netDeposits: "100000.00",
      totalReturn: "0.00",
      totalReturnPercent: 0,
      realizedPnl: "0.00",
      unrealizedPnl: "0.00",
      onLeaderboard: false,
      resetAt: null,
    });
    const again = await graphql<{ openTradingAccount: Account }>(platform, "mutation { openTradingAccount { id } }", { token: user.token });
    expect(again.data?.openTradingAccount.id).toBe(first.data?.openTradingAccount.id);
    expect((await accountOf(user))?.id).toBe(first.data?.openTradingAccount.id);
  });

  it("rule: deposit adds 0.01 to 1,000,000.00 at a time with at most 2 decimals; beyond is BAD_USER_INPUT and changes nothing", async () => {
    const user = await trader("depositor");
    const deposit = (amount: string) =>
      graphql<{ deposit: Account }>(platform, "mutation ($a: Decimal!) { deposit(amount: $a) { cash netDeposits } }", { variables: { a: amount }, token: user.token });
    expect((await deposit("0.01")).data?.deposit).toEqual({ cash: "100000.01", netDeposits: "100000.01" });
    expect((await deposit("1000000.00")).data?.deposit).toEqual({ cash: "1100000.01", netDeposits: "1100000.01" });
    for (const refused of ["0.00", "0.001", "1000000.01", "-5.00"]) {
      const response = await deposit(refused);
      expect([refused, code(response), argument(response)]).toEqual([refused, "BAD_USER_INPUT", "amount"]);
    }
    expect((await accountOf(user))?.cash).toBe("1100000.01");
  });

  it("deposit without an account is NOT_FOUND", async () => {
    const user = await signUp(platform, "no-account");
    const response = await graphql(platform, 'mutation { deposit(amount: "10.00") { cash } }', { token: user.token });
    expect(code(response)).toBe("NOT_FOUND");
  });

  it("rule: resetTradingAccount cancels open orders (ACCOUNT_RESET), drops positions, restores the starting cash, and keeps the order history", async () => {
    const user = await trader("resetter");
    await graphql(platform, 'mutation { deposit(amount: "500.00") { cash } }', { token: user.token });
    const bought = await placed(user, { symbol: "AAPL", side: "BUY", quantity: "3" });
    const resting = await placed(user, { symbol: "AAPL", side: "BUY", type: "LIMIT", quantity: "1", limitPrice: "0.01", timeInForce: "GTC" });
    expect(resting.status).toBe("OPEN");
    const reset = await graphql<{ resetTradingAccount: Account & { positions: unknown[] } }>(
      platform,
      `mutation { resetTradingAccount { ${ACCOUNT} positions { symbol } } }`,
      { token: user.token },
    );
    expect(reset.errors).toBeUndefined();
    expect(reset.data?.resetTradingAccount).toMatchObject({ cash: "100000.00", netDeposits: "100000.00", buyingPower: "100000.00", realizedPnl: "0.00", positions: [] });
    expect(reset.data?.resetTradingAccount.resetAt).toEqual(expect.any(String));
    const history = await graphql<{ me: { tradingAccount: { orders: { edges: { node: Order }[] }; activity: { edges: { node: { kind: string } }[] } } } }>(
      platform,
      `{ me { tradingAccount { orders { edges { node { ${ORDER} } } } activity(first: 1) { edges { node { kind } } } } } }`,
      { token: user.token },
    );
    const orders = history.data!.me.tradingAccount.orders.edges.map((edge) => edge.node);
    expect(orders.map((order) => [order.id, order.status, order.reason])).toEqual([
      [resting.id, "CANCELED", "ACCOUNT_RESET"],
      [bought.id, "FILLED", null],
    ]);
    expect(history.data!.me.tradingAccount.activity.edges[0]?.node.kind).toBe("RESET");
  });
});

describe("Decimal input", () => {
  it("rule: a JSON number in variables is BAD_USER_INPUT", async () => {
    const user = await trader("numbers");
    const deposit = await graphql(platform, "mutation ($a: Decimal!) { deposit(amount: $a) { cash } }", { variables: { a: 100 }, token: user.token });
    expect(deposit.status).toBe(400);
    expect(code(deposit)).toBe("BAD_USER_INPUT");
    const order = await place(user, { symbol: "AAPL", side: "BUY", quantity: 1 });
    expect(code(order)).toBe("BAD_USER_INPUT");
    expect((await accountOf(user))?.cash).toBe("100000.00");
  });

  it("rule: a number written in the document fails validation", async () => {
    const user = await trader("literals");
    const response = await graphql(platform, "mutation { deposit(amount: 100.00) { cash } }", { token: user.token });
    expect(response.status).toBe(400);
    expect(code(response)).toBe("GRAPHQL_VALIDATION_FAILED");
    const order = await graphql(platform, 'mutation { placeOrder(input: { symbol: "AAPL", side: BUY, quantity: 1 }) { id } }', { token: user.token });
    expect(code(order)).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("text that is not a decimal the field takes is BAD_USER_INPUT naming the argument, and creates nothing", async () => {
    const user = await trader("texts");
    for (const amount of ["1e3", "ten", "", " 5.00", "5,00"]) {
      const response = await graphql(platform, "mutation ($a: Decimal!) { deposit(amount: $a) { cash } }", { variables: { a: amount }, token: user.token });
      expect([amount, code(response), argument(response)]).toEqual([amount, "BAD_USER_INPUT", "amount"]);
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ quantity: "ten" }, "input.quantity"],
      [{ quantity: "0" }, "input.quantity"],
      [{ quantity: "0.00001" }, "input.quantity"],
      [{ quantity: "1000000.0001" }, "input.quantity"],
      [{ quantity: "1", limitPrice: "100" }, "input.limitPrice"],
      [{ quantity: "1", type: "LIMIT" }, "input.limitPrice"],
      [{ quantity: "1", type: "STOP", stopPrice: "-1" }, "input.stopPrice"],
      [{ quantity: "1", clientOrderId: "no spaces allowed" }, "input.clientOrderId"],
      [{ quantity: "1", symbol: "A^B" }, "input.symbol"],
    ];
    for (const [input, named] of cases) {
      const response = await place(user, { symbol: "AAPL", side: "BUY", ...input });
      expect([input, code(response), argument(response)]).toEqual([input, "BAD_USER_INPUT", named]);
    }
    const orders = await graphql<{ me: { tradingAccount: { orders: { edges: unknown[] } } } }>(platform, "{ me { tradingAccount { orders { edges { cursor } } } } }", {
      token: user.token,
    });
    expect(orders.data?.me.tradingAccount.orders.edges).toEqual([]);
  });
});

describe("orders", () => {
  it("rule: a MARKET buy fills at once: cash moves by quantity * fill price to the cent, the order is in orders and its fill in activity", async () => {
    const user = await trader("buyer");
    const order = await placed(user, { symbol: "aapl", side: "BUY", quantity: "2.5", clientOrderId: "first-buy" });
    expect(order).toMatchObject({ status: "FILLED", reason: null, quantity: "2.5", reservedCash: "0.00" });
    const moved = -cashAmount(units("2.5"), units(order.averageFillPrice!));
    expect(order.cashAmount).toBe(money(moved));
    const response = await graphql<{
      me: { tradingAccount: Account & { orders: { edges: { node: { id: string } }[] }; order: { id: string }; activity: { edges: { node: Record<string, unknown> }[] } } };
    }>(
      platform,
      `query ($id: ID!) { me { tradingAccount { ${ACCOUNT} orders { edges { node { id } } } order(id: $id) { id }
        activity(first: 2) { edges { node { kind amount cashAfter order { id } } } } } } }`,
      { variables: { id: order.id }, token: user.token },
    );
    expect(response.errors).toBeUndefined();
    const account = response.data!.me.tradingAccount;
    expect(account.cash).toBe(money(cents("100000.00") + moved));
    expect(account.orders.edges.map((edge) => edge.node.id)).toEqual([order.id]);
    expect(account.order).toEqual({ id: order.id });
    expect(account.activity.edges.map((edge) => edge.node)).toEqual([
      { kind: "BUY", amount: money(moved), cashAfter: account.cash, order: { id: order.id } },
      { kind: "OPENING_CASH", amount: "100000.00", cashAfter: "100000.00", order: null },
    ]);
  });

  it("rule: placing again with a used clientOrderId answers the first order unchanged", async () => {
    const user = await trader("repeater");
    const first = await placed(user, { symbol: "MSFT", side: "BUY", quantity: "1", clientOrderId: "once" });
    const second = await placed(user, { symbol: "MSFT", side: "BUY", quantity: "1", clientOrderId: "once" });
    expect(second).toEqual(first);
  });

  it("an unknown symbol is BAD_USER_INPUT and creates nothing", async () => {
    const user = await trader("unknown");
    const response = await place(user, { symbol: "NOPE", side: "BUY", quantity: "1" });
    expect(code(response)).toBe("BAD_USER_INPUT");
  });

  it("rule: a sell above the position's availableQuantity is REJECTED, INSUFFICIENT_POSITION", async () => {
    const user = await trader("short");
    expect(await placed(user, { symbol: "AAPL", side: "SELL", quantity: "1" })).toMatchObject({ status: "REJECTED", reason: "INSUFFICIENT_POSITION" });
  });

  it("rule: cancelOrder ends an open order CANCELED_BY_USER and releases its reservation; again is idempotent", async () => {
    const user = await trader("canceler");
    const resting = await placed(user, { symbol: "AAPL", side: "BUY", type: "LIMIT", quantity: "2", limitPrice: "0.5", timeInForce: "GTC" });
    expect(resting).toMatchObject({ status: "OPEN", reservedCash: "1.00" });
    expect((await accountOf(user))?.buyingPower).toBe("99999.00");
    const cancel = () => graphql<{ cancelOrder: Order }>(platform, `mutation ($id: ID!) { cancelOrder(id: $id) { ${ORDER} } }`, { variables: { id: resting.id }, token: user.token });
    expect((await cancel()).data?.cancelOrder).toMatchObject({ id: resting.id, status: "CANCELED", reason: "CANCELED_BY_USER", reservedCash: "0.00" });
    expect((await cancel()).data?.cancelOrder).toMatchObject({ id: resting.id, status: "CANCELED" });
    expect((await accountOf(user))?.buyingPower).toBe("100000.00");
  });

  it("cancelOrder of a filled order is BAD_USER_INPUT; of another account's order, NOT_FOUND", async () => {
    const [owner, other] = [await trader("owner"), await trader("other")];
    const filled = await placed(owner, { symbol: "AAPL", side: "BUY", quantity: "1" });
    const cancel = (user: SignedIn) => graphql(platform, "mutation ($id: ID!) { cancelOrder(id: $id) { id } }", { variables: { id: filled.id }, token: user.token });
    expect(code(await cancel(owner))).toBe("BAD_USER_INPUT");
    expect(code(await cancel(other))).toBe("NOT_FOUND");
    const peek = await graphql(platform, "query ($id: ID!) { me { tradingAccount { order(id: $id) { id } } } }", { variables: { id: filled.id }, token: other.token });
    expect(peek.data).toEqual({ me: { tradingAccount: { order: null } } });
  });

  it("orders filter by status and page newest first; first outside 1..100 is BAD_USER_INPUT", async () => {
    const user = await trader("pager");
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await placed(user, { symbol: "MSFT", side: "BUY", quantity: "1" })).id);
    const rejected = await placed(user, { symbol: "MSFT", side: "SELL", quantity: "100" });
    const page = (args: string, variables: Record<string, unknown> = {}) =>
      graphql<{ me: { tradingAccount: { orders: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } }>(
        platform,
        `query ($after: String) { me { tradingAccount { orders(${args}, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } } }`,
        { variables, token: user.token },
      );
    const firstPage = (await page("first: 2")).data!.me.tradingAccount.orders;
    expect(firstPage.edges.map((edge) => edge.node.id)).toEqual([rejected.id, ids[2]]);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const next = (await page("first: 2", { after: firstPage.pageInfo.endCursor })).data!.me.tradingAccount.orders;
    expect(next.edges.map((edge) => edge.node.id)).toEqual([ids[1], ids[0]]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const filled = (await page("status: FILLED")).data!.me.tradingAccount.orders;
    expect(filled.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[1], ids[0]]);
    for (const first of [0, 101]) {
      const response = await page(`first: ${first}`);
      expect([first, code(response), argument(response)]).toEqual([first, "BAD_USER_INPUT", "first"]);
      const activity = await graphql(platform, `{ me { tradingAccount { activity(first: ${first}) { edges { cursor } } } } }`, { token: user.token });
      expect([first, code(activity), argument(activity)]).toEqual([first, "BAD_USER_INPUT", "first"]);
    }
  });

  it("equityHistory ends with a point of today's current equity", async () => {
    const user = await trader("historian");
    const response = await graphql<{ me: { tradingAccount: { equity: string; equityHistory: { date: string; equity: string }[] } } }>(
      platform,
      "{ me { tradingAccount { equity equityHistory(period: ONE_MONTH) { date equity } } } }",
      { token: user.token },
    );
    expect(response.errors).toBeUndefined();
    const { equity, equityHistory } = response.data!.me.tradingAccount;
    expect(equityHistory.at(-1)).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), equity });
  });
});

interface PricedPosition {
  symbol: string;
  quantity: string;
  costBasis: string;
  marketPrice: string;
  marketValue: string;
  unrealizedPnl: string;
  unrealizedPnlPercent: number;
  stock: { quote: { price: number } };
}

const PRICED = `{ me { tradingAccount { cash netDeposits positionsValue equity totalReturn totalReturnPercent unrealizedPnl
  positions { symbol quantity costBasis marketPrice marketValue unrealizedPnl unrealizedPnlPercent stock { quote { price } } } } } }`;

describe("positions valued at the current quotes", () => {
  it("rule: marketValue = quantity * price and unrealizedPnl = marketValue - costBasis to the cent; the account's figures are their sums", async () => {
    const user = await trader("valued");
    for (const [symbol, quantity] of [["AAPL", "3.5"], ["MSFT", "2"], ["SPY", "0.1234"]] as const) {
      expect((await placed(user, { symbol, side: "BUY", quantity })).status).toBe("FILLED");
    }
    const response = await graphql<{ me: { tradingAccount: Omit<Account, "id"> & { positions: PricedPosition[] } } }>(platform, PRICED, { token: user.token });
    expect(response.errors).toBeUndefined();
    const account = response.data!.me.tradingAccount;
    expect(account.positions.map((p) => p.symbol)).toEqual(["AAPL", "MSFT", "SPY"]);
    let positionsValue = 0n;
    let unrealized = 0n;
    for (const position of account.positions) {
      // The position is priced at the very quote the same request shows for its stock.
      const price = fromQuotePrice(position.stock.quote.price);
      const value = cashAmount(units(position.quantity), price);
      const pnl = value - cents(position.costBasis);
      expect(position).toMatchObject({ marketPrice: formatTrimmed(price, UNIT_SCALE), marketValue: money(value), unrealizedPnl: money(pnl) });
      expect(position.unrealizedPnlPercent).toBe(percentOf(pnl, cents(position.costBasis)));
      positionsValue += value;
      unrealized += pnl;
    }
    const equity = cents(account.cash) + positionsValue;
    const totalReturn = equity - cents(account.netDeposits);
    expect(account).toMatchObject({
      positionsValue: money(positionsValue),
      unrealizedPnl: money(unrealized),
      equity: money(equity),
      totalReturn: money(totalReturn),
      totalReturnPercent: percentOf(totalReturn, cents(account.netDeposits)),
    });
  });

  it("one batched stock.quotes call prices every position and every figure of the request", async () => {
    const user = await trader("batched");
    for (const symbol of ["AAPL", "MSFT", "SPY", "NVDA", "TSLA"]) await placed(user, { symbol, side: "BUY", quantity: "1" });
    const requestId = "trading-batched-quotes-0001";
    const response = await graphql(platform, PRICED, { token: user.token, requestId });
    expect(response.errors).toBeUndefined();
    expect(rpcCalls(platform, requestId)).toEqual({ "security.access": 1, "trading.account": 1, "stock.instruments": 1, "stock.quotes": 1 });
  });
});

describe("the leaderboard", () => {
  it("first outside 1..100 is BAD_USER_INPUT", async () => {
    const user = await signUp(platform, "ranker");
    for (const first of [0, 101]) {
      const response = await graphql(platform, `{ leaderboard(first: ${first}) { rank } }`, { token: user.token });
      expect([first, code(response), argument(response)]).toEqual([first, "BAD_USER_INPUT", "first"]);
    }
  });

  it(
    "rule: it ranks accounts whose owner turned onLeaderboard on, showing the display name 'First L.'",
    async () => {
      const user = await trader("Lovelace");
      const shown = await graphql(platform, "mutation { setLeaderboardVisibility(visible: true) { onLeaderboard } }", { token: user.token });
      expect(shown.data).toEqual({ setLeaderboardVisibility: { onLeaderboard: true } });
      // The read model may lag by up to 60 s (trading.md): wait for the event to reach it, so
      // that the first read's refresh ranks the account instead of a read a minute later.
      const db = ((await platform.worker("trading").getEnv()) as { TRADING_DB: D1Reader }).TRADING_DB;
      const listed = () => db.prepare("SELECT on_leaderboard FROM account_figures WHERE user_id = ?1").bind(user.userId).first<{ on_leaderboard: number }>();
      for (const until = Date.now() + 30_000; (await listed())?.on_leaderboard !== 1 && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 200));
      let entries: { displayName: string; since: string }[] = [];
      for (const until = Date.now() + 75_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 1_000))) {
        const response = await graphql<{ leaderboard: typeof entries }>(platform, "{ leaderboard(first: 100) { rank displayName totalReturnPercent since } }", { token: user.token });
        entries = response.data?.leaderboard ?? [];
        if (entries.some((entry) => entry.displayName === "Test L.")) break;
      }
      expect(entries).toContainEqual({ rank: expect.any(Number), displayName: "Test L.", totalReturnPercent: 0, since: expect.any(String) });
    },
    120_000,
  );
});

describe("account deletion", () => {
  it("rule: deleting the user (DELETE /auth/account) deletes the trading account and everything in it", async () => {
    const user = await trader("deleted");
    await placed(user, { symbol: "AAPL", side: "BUY", quantity: "1" });
    const trading = await platform.rpc("trading");
    expect(await trading.account(meta, user.userId)).toMatchObject({ ok: true, value: { positions: [{ symbol: "AAPL" }] } });
    const deleted = await platform.fetch("/auth/account", {
      method: "DELETE",
      headers: { "content-type": "application/json", authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ password: "a long unusual passphrase 42" }),
    });
    expect(deleted.status).toBe(204);
    expect(await trading.account(meta, user.userId)).toEqual({ ok: true, value: null });
    expect(await trading.orders(meta, user.userId, { first: 10 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const again = await platform.fetch("/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: user.email, password: "a long unusual passphrase 42", firstName: "Test", lastName: "again" }),
    });
    expect(again.status).toBe(201);
    const { accessToken } = (await again.json()) as { accessToken: string };
    expect(await accountOf({ ...user, token: accessToken })).toBeNull();
  });
});

describe("errors of the trading service", () => {
  it("are the contract's codes on their own fields; the rest of the response answers", async () => {
    const user = await trader("partial");
    const response = await graphql(platform, '{ me { id tradingAccount { cash orders(after: "not-a-cursor") { edges { cursor } } } } }', { token: user.token });
    expect(response.data).toEqual({ me: { id: user.userId, tradingAccount: null } });
    expect(errorCodes(response)).toEqual({ "me.tradingAccount.orders": "BAD_USER_INPUT" });
    expect(argument(response)).toBe("after");
  });
});
