/**
 * Paper trading under partial failure: the gateway reaches stock and trading through fault
 * injectors that forward to the real Workers unless a test arms a failure (the trading
 * Worker keeps its own, real, stock binding). A failed service costs only the fields that
 * needed it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { faultControls, standIn, startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { errorCodes, graphql, signUp, type SignedIn } from "./support/graphql-client.ts";

let platform: Platform;
let member: SignedIn;

beforeAll(async () => {
  platform = await startPlatform({
    extraWorkers: [
      standIn("fault-stock", "shared/testing/stand-ins/stock.ts", "fafnir-stock"),
      standIn("fault-trading", "shared/testing/stand-ins/trading.ts", "fafnir-trading"),
    ],
    bindingOverrides: { gateway: { STOCK: "fault-stock", TRADING: "fault-trading" } },
    vars: { gateway: { RPC_TIMEOUT_MS: "400" } },
  });
  member = await signUp(platform, "faulty");
  const opened = await graphql(
    platform,
    'mutation { openTradingAccount { id } a: placeOrder(input: { symbol: "AAPL", side: BUY, quantity: "2" }) { status } b: placeOrder(input: { symbol: "MSFT", side: BUY, quantity: "1" }) { status } }',
    { token: member.token },
  );
  expect(opened.errors).toBeUndefined();
});
afterAll(() => platform?.stop());
afterEach(async () => {
  for (const name of ["fault-stock", "fault-trading"]) await (await faultControls(platform, name)).disarm();
});

describe("the stock service failing", () => {
  it("costs the positions' market fields; cash and the positions themselves answer", async () => {
    await (await faultControls(platform, "fault-stock")).arm("quotes", 10);
    const response = await graphql(platform, "{ me { tradingAccount { cash positions { symbol quantity costBasis marketPrice } } } }", { token: member.token });
    expect(response.data).toEqual({
      me: {
        tradingAccount: {
          cash: expect.stringMatching(/^\d+\.\d{2}$/),
          positions: [
            { symbol: "AAPL", quantity: "2", costBasis: expect.any(String), marketPrice: null },
            { symbol: "MSFT", quantity: "1", costBasis: expect.any(String), marketPrice: null },
          ],
        },
      },
    });
    expect(errorCodes(response)).toEqual({
      "me.tradingAccount.positions.0.marketPrice": "SERVICE_UNAVAILABLE",
      "me.tradingAccount.positions.1.marketPrice": "SERVICE_UNAVAILABLE",
    });
  });

  it("makes the account's figures SERVICE_UNAVAILABLE (never a sum without prices); the rest of me answers", async () => {
    await (await faultControls(platform, "fault-stock")).arm("quotes", 10);
    const response = await graphql(platform, "{ me { id tradingAccount { equity } } }", { token: member.token });
    expect(response.data).toEqual({ me: { id: member.userId, tradingAccount: null } });
    expect(errorCodes(response)).toEqual({ "me.tradingAccount.equity": "SERVICE_UNAVAILABLE" });
  });
});

describe("the trading service failing", () => {
  it("costs the account, not the rest of me", async () => {
    await (await faultControls(platform, "fault-trading")).arm("account");
    const response = await graphql(platform, "{ me { id profile { firstName } tradingAccount { cash } } }", { token: member.token });
    expect(response.data).toEqual({ me: { id: member.userId, profile: { firstName: "Test" }, tradingAccount: null } });
    expect(errorCodes(response)).toEqual({ "me.tradingAccount": "SERVICE_UNAVAILABLE" });
    expect(response.errors?.[0]?.extensions?.["service"]).toBe("trading");
  });

  it("a mutation it cannot answer is SERVICE_UNAVAILABLE; once it recovers, the account is as it was", async () => {
    const before = await graphql(platform, "{ me { tradingAccount { cash } } }", { token: member.token });
    await (await faultControls(platform, "fault-trading")).arm("deposit");
    const failed = await graphql(platform, 'mutation { deposit(amount: "10.00") { cash } }', { token: member.token });
    expect(failed.data).toBeNull();
    expect(errorCodes(failed)).toEqual({ deposit: "SERVICE_UNAVAILABLE" });
    expect(await graphql(platform, "{ me { tradingAccount { cash } } }", { token: member.token })).toMatchObject({ data: before.data });
  });
});
