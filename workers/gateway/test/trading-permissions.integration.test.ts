/**
 * Paper trading needs `trade` (and a position's stock `view_stocks`, the leaderboard
 * `view_stocks`), through the real gateway, security and trading Workers: every trading
 * field and mutation signed out, without `trade`, and with `trade` but without view_stocks.
 * Every seeded role holds both (seed.md), so these callers get a test-only role written
 * into the security database, as a later migration could add one; a role change counts on
 * the very next request, whatever token the caller holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { errorCodes, graphql, signUp, type SignedIn } from "./support/graphql-client.ts";

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
  const db = ((await platform.worker("security").getEnv()) as { SECURITY_DB: D1Writer }).SECURITY_DB;
  await db.batch([
    db.prepare("INSERT INTO roles (name, description) VALUES ('stock_viewer', 'test: stocks only'), ('blind_trader', 'test: trading only')"),
    db.prepare("INSERT INTO role_permissions (role, permission) VALUES ('stock_viewer', 'view_stocks'), ('blind_trader', 'trade')"),
  ]);
});
afterAll(() => platform?.stop());

interface D1Writer {
  prepare(query: string): unknown;
  batch(statements: unknown[]): Promise<unknown>;
}

const meta = { requestId: "trading-permissions-setup" };

/** A signed-up member whose only role becomes `role`. */
async function withOnlyRole(role: string, prefix: string): Promise<SignedIn> {
  const user = await signUp(platform, prefix);
  const security = await platform.rpc("security");
  expect(await security.grantRole(meta, user.userId, role)).toMatchObject({ ok: true });
  expect(await security.revokeRole(meta, user.userId, "member", [])).toMatchObject({ ok: true, value: { roles: [role] } });
  return user;
}

const ORDER_ID = "00000000-0000-4000-8000-000000000000";
/** Every trading mutation, with arguments that would be accepted. */
const MUTATIONS: Record<string, string> = {
  openTradingAccount: "mutation { openTradingAccount { id } }",
  deposit: 'mutation { deposit(amount: "10.00") { id } }',
  resetTradingAccount: "mutation { resetTradingAccount { id } }",
  placeOrder: 'mutation { placeOrder(input: { symbol: "AAPL", side: BUY, quantity: "1" }) { id } }',
  cancelOrder: `mutation { cancelOrder(id: "${ORDER_ID}") { id } }`,
  setLeaderboardVisibility: "mutation { setLeaderboardVisibility(visible: true) { id } }",
};

/** Every field of the account, each list and argument-taking field included. */
const ACCOUNT_QUERY = `{ me { id tradingAccount {
  id currency cash buyingPower positionsValue equity netDeposits totalReturn totalReturnPercent realizedPnl unrealizedPnl onLeaderboard createdAt resetAt
  positions { symbol quantity availableQuantity averageCost costBasis marketPrice marketValue unrealizedPnl unrealizedPnlPercent }
  orders { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } }
  order(id: "${ORDER_ID}") { id }
  activity { edges { cursor node { id kind amount cashAfter at order { id } } } pageInfo { hasNextPage endCursor } }
  equityHistory { date equity } } } }`;

const LEADERBOARD = "{ leaderboard { rank displayName totalReturnPercent since } }";

describe("trading, signed out", () => {
  it.each(Object.entries(MUTATIONS))("%s is UNAUTHENTICATED and does nothing", async (name, mutation) => {
    const response = await graphql(platform, mutation);
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual({ [name]: "UNAUTHENTICATED" });
  });

  it("leaderboard is UNAUTHENTICATED", async () => {
    const response = await graphql(platform, LEADERBOARD);
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual({ leaderboard: "UNAUTHENTICATED" });
  });

  it("the account is out of reach: me is null", async () => {
    const response = await graphql(platform, ACCOUNT_QUERY);
    expect(response).toMatchObject({ data: { me: null } });
    expect(response.errors).toBeUndefined();
  });
});

describe("trading without the trade permission", () => {
  it.each(Object.entries(MUTATIONS))("%s is FORBIDDEN", async (name, mutation) => {
    const viewer = await withOnlyRole("stock_viewer", "viewer");
    const response = await graphql(platform, mutation, { token: viewer.token });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual({ [name]: "FORBIDDEN" });
  });

  it("no account was opened by the refused mutations", async () => {
    const viewer = await withOnlyRole("stock_viewer", "viewer");
    await graphql(platform, MUTATIONS.openTradingAccount!, { token: viewer.token });
    const trading = await platform.rpc("trading");
    expect(await trading.account(meta, viewer.userId)).toEqual({ ok: true, value: null });
  });

  it("a member who loses trade sees nothing of the account opened before: tradingAccount is FORBIDDEN, the rest of me answers", async () => {
    const member = await signUp(platform, "demoted");
    const opened = await graphql(platform, 'mutation { openTradingAccount { id } placeOrder(input: { symbol: "AAPL", side: BUY, quantity: "1" }) { status } }', {
      token: member.token,
    });
    expect(opened.errors).toBeUndefined();
    const security = await platform.rpc("security");
    await security.grantRole(meta, member.userId, "stock_viewer");
    await security.revokeRole(meta, member.userId, "member", []);
    const response = await graphql(platform, ACCOUNT_QUERY, { token: member.token });
    expect(response.data).toEqual({ me: { id: member.userId, tradingAccount: null } });
    expect(errorCodes(response)).toEqual({ "me.tradingAccount": "FORBIDDEN" });
  });

  it("the leaderboard needs only view_stocks", async () => {
    const viewer = await withOnlyRole("stock_viewer", "viewer");
    const response = await graphql(platform, LEADERBOARD, { token: viewer.token });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ leaderboard: expect.any(Array) });
  });
});

describe("trading without view_stocks", () => {
  it("a position's stock is FORBIDDEN; the position, its values and the account answer", async () => {
    const trader = await withOnlyRole("blind_trader", "blind");
    const bought = await graphql(platform, 'mutation { openTradingAccount { id } placeOrder(input: { symbol: "AAPL", side: BUY, quantity: "2" }) { status } }', {
      token: trader.token,
    });
    expect(bought.errors).toBeUndefined();
    expect(bought.data).toMatchObject({ placeOrder: { status: "FILLED" } });
    const response = await graphql<{ me: { tradingAccount: { equity: string; positions: Record<string, unknown>[] } } }>(
      platform,
      "{ me { tradingAccount { equity positions { symbol quantity marketPrice stock { symbol } } } } }",
      { token: trader.token },
    );
    expect(errorCodes(response)).toEqual({ "me.tradingAccount.positions.0.stock": "FORBIDDEN" });
    expect(response.data?.me.tradingAccount.positions).toEqual([{ symbol: "AAPL", quantity: "2", marketPrice: expect.stringMatching(/^\d+(\.\d{1,4})?$/), stock: null }]);
    expect(response.data?.me.tradingAccount.equity).toMatch(/^\d+\.\d{2}$/);
  });

  it("the leaderboard is FORBIDDEN", async () => {
    const trader = await withOnlyRole("blind_trader", "blind");
    const response = await graphql(platform, LEADERBOARD, { token: trader.token });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual({ leaderboard: "FORBIDDEN" });
  });
});

describe("trading as a member", () => {
  it("every field of the account answers, with no error", async () => {
    const member = await signUp(platform, "member");
    await graphql(platform, 'mutation { openTradingAccount { id } placeOrder(input: { symbol: "MSFT", side: BUY, quantity: "1" }) { status } }', {
      token: member.token,
    });
    const response = await graphql<{ me: { tradingAccount: Record<string, unknown> } }>(platform, ACCOUNT_QUERY, { token: member.token });
    expect(response.errors).toBeUndefined();
    expect(response.data?.me.tradingAccount).toMatchObject({ currency: "USD", order: null, positions: [{ symbol: "MSFT", quantity: "1" }] });
  });

  it.each(Object.entries(MUTATIONS))("%s is not refused for permissions", async (_name, mutation) => {
    const member = await signUp(platform, "member");
    await graphql(platform, MUTATIONS.openTradingAccount!, { token: member.token });
    const response = await graphql(platform, mutation, { token: member.token });
    const codes = Object.values(errorCodes(response));
    expect(codes).not.toContain("FORBIDDEN");
    expect(codes).not.toContain("UNAUTHENTICATED");
  });
});
