/**
 * Partial failure: the gateway reaches stock, security and user through fault injectors
 * that forward to the real Workers unless a test arms a failure. A failed or slow service
 * costs only the fields that needed it, and a failing security service grants nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { faultControls, standIn, startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { errorCodes, graphql, signUp, type SignedIn } from "./support/graphql-client.ts";

const RPC_TIMEOUT_MS = 400;

async function platformWithStandIns(): Promise<Platform> {
  return startPlatform({
    extraWorkers: [
      standIn("fault-stock", "shared/testing/stand-ins/stock.ts", "fafnir-stock"),
      standIn("fault-security", "shared/testing/stand-ins/security.ts", "fafnir-security"),
      standIn("fault-user", "shared/testing/stand-ins/user.ts", "fafnir-user"),
    ],
    bindingOverrides: { gateway: { STOCK: "fault-stock", SECURITY: "fault-security", USER: "fault-user" } },
    vars: { gateway: { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) } },
  });
}

describe("a failing security service never grants access", () => {
  let platform: Platform;
  let member: SignedIn;
  beforeAll(async () => {
    platform = await platformWithStandIns();
    member = await signUp(platform, "denied");
  });
  afterAll(() => platform?.stop());

  it("answers SERVICE_UNAVAILABLE instead of the data, and hasPermission is not true", async () => {
    // Every request that needs a permission asks the security service for the caller's access.
    const security = await faultControls(platform, "fault-security");
    await security.arm("access", 100);
    const stock = await graphql(platform, "{ stock(symbol: \"AAPL\") { symbol } }", { token: member.token });
    expect(stock.data).toEqual({ stock: null });
    expect(errorCodes(stock)).toEqual({ stock: "SERVICE_UNAVAILABLE" });
    const permission = await graphql(platform, "{ hasPermission(permission: \"view_stocks\") }", { token: member.token });
    expect(permission.data?.hasPermission).not.toBe(true);
    expect(errorCodes(permission)).toEqual({ hasPermission: "SERVICE_UNAVAILABLE" });
    await security.disarm();
    const healed = await graphql(platform, "{ stock(symbol: \"AAPL\") { symbol } }", { token: member.token });
    expect(healed.data).toEqual({ stock: { symbol: "AAPL" } });
  });
});

describe("a failing stock or user service costs only its fields", () => {
  let platform: Platform;
  let member: SignedIn;
  beforeAll(async () => {
    platform = await platformWithStandIns();
    member = await signUp(platform, "partial");
  });
  afterAll(() => platform?.stop());
  afterEach(async () => {
    for (const name of ["fault-stock", "fault-security", "fault-user"]) await (await faultControls(platform, name)).disarm();
  });

  it("stock throwing: the quote is null with SERVICE_UNAVAILABLE, the instrument is there", async () => {
    await (await faultControls(platform, "fault-stock")).arm("quotes");
    const response = await graphql(platform, "{ stock(symbol: \"AAPL\") { symbol name quote { price } } }", { token: member.token });
    expect(response.data).toEqual({ stock: { symbol: "AAPL", name: "Apple Inc.", quote: null } });
    expect(errorCodes(response)).toEqual({ "stock.quote": "SERVICE_UNAVAILABLE" });
  });

  it("stock timing out: the stock is null with SERVICE_UNAVAILABLE, the caller's data is there", async () => {
    await (await faultControls(platform, "fault-stock")).arm("instruments", 1, "hang");
    const started = Date.now();
    const response = await graphql(platform, "{ me { id } stock(symbol: \"MSFT\") { symbol } }", { token: member.token });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ me: { id: member.userId }, stock: null });
    expect(errorCodes(response)).toEqual({ stock: "SERVICE_UNAVAILABLE" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS);
  });

  it("user throwing: the profile is null with SERVICE_UNAVAILABLE, id and email are there", async () => {
    await (await faultControls(platform, "fault-user")).arm("overview");
    const response = await graphql(platform, "{ me { id email profile { firstName } } }", { token: member.token });
    expect(response.data).toEqual({ me: { id: member.userId, email: member.email, profile: null } });
    expect(errorCodes(response)).toEqual({ "me.profile": "SERVICE_UNAVAILABLE" });
  });

  it("a failed mutation says SERVICE_UNAVAILABLE and changes nothing it cannot", async () => {
    await (await faultControls(platform, "fault-user")).arm("addToWatchlist");
    const response = await graphql(platform, "mutation { addToWatchlist(symbol: \"AAPL\") { symbol } }", { token: member.token });
    expect(errorCodes(response)).toEqual({ addToWatchlist: "SERVICE_UNAVAILABLE" });
    const after = await graphql<{ me: { watchlist: unknown[] } }>(platform, "{ me { watchlist { symbol } } }", { token: member.token });
    expect(after.data?.me.watchlist).toEqual([]);
  });
});
