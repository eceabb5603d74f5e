/**
 * No N+1: the gateway logs one "rpc" line per call to an internal service, stamped with
 * the request id; these tests read the real Workers' logs and count the calls of one
 * request per service and method.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedInstruments } from "../../stock/src/seed/instruments.ts";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { graphql, signUp, signUpAdmin, type SignedIn } from "./support/graphql-client.ts";
import { rpcCalls as countedCalls } from "./support/rpc-calls.ts";

let platform: Platform;
let member: SignedIn;
let admin: SignedIn;

/** The bits of the user Worker's D1 binding this setup uses from Node (getEnv()). */
interface D1Writer {
  prepare(query: string): { bind(...values: unknown[]): unknown };
  batch(statements: unknown[]): Promise<unknown>;
}

beforeAll(async () => {
  platform = await startPlatform();
  [member, admin] = await Promise.all([signUp(platform, "watcher"), signUpAdmin(platform)]);
  await Promise.all(Array.from({ length: 20 }, () => signUp(platform, "crowd")));
  // A full watchlist (every seeded instrument, then made-up symbols up to the cap of 100),
  // written in one batch straight into user_db: the setup is not what is measured.
  const symbols = seedInstruments.map((i) => i.symbol);
  for (let i = 0; symbols.length < 100; i++) symbols.push(`ZZ${i}`);
  const db = ((await platform.worker("user").getEnv()) as { USER_DB: D1Writer }).USER_DB;
  const insert = db.prepare("INSERT INTO watchlist_items (user_id, symbol, added_at) VALUES (?, ?, ?)");
  await db.batch(symbols.map((symbol, i) => insert.bind(member.userId, symbol, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString())));
});
afterAll(() => platform?.stop());

const rpcCalls = (requestId: string) => countedCalls(platform, requestId);

describe("aggregation without N+1", () => {
  it("me with a 100-symbol watchlist: one user call, one security call for the caller's access, one stock call per kind", async () => {
    const requestId = "aggregation-me-0001";
    const response = await graphql<{ me: { watchlist: { stock: { quote: unknown; history: unknown[] } | null }[] } }>(
      platform,
      "{ me { profile { firstName } roles permissions watchlist { symbol stock { symbol quote { price } history(period: ONE_MONTH) { close } } } } }",
      { token: member.token, requestId },
    );
    expect(response.errors).toBeUndefined();
    const watchlist = response.data!.me.watchlist;
    expect(watchlist).toHaveLength(100);
    expect(watchlist.filter((item) => item.stock?.quote)).toHaveLength(seedInstruments.length);
    expect(rpcCalls(requestId)).toEqual({
      "security.access": 1,
      "user.overview": 1,
      "stock.instruments": 1,
      "stock.quotes": 1,
      "stock.history": 1,
    });
  });

  it("30 aliases of health, signed out: one health call per service for the whole request", async () => {
    const requestId = "aggregation-health-0001";
    const aliases = Array.from({ length: 30 }, (_, i) => `h${i}: health { status services { name ok } }`).join(" ");
    const response = await graphql<Record<string, { status: string }>>(platform, `{ ${aliases} }`, { requestId });
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data!).map((h) => h.status)).toEqual(Array(30).fill("ok"));
    expect(rpcCalls(requestId)).toEqual({ "auth.health": 1, "security.health": 1, "user.health": 1, "stock.health": 1, "trading.health": 1 });
  });

  it("users(first: 100) with profiles and roles: one call per service, plus the caller's access first", async () => {
    const requestId = "aggregation-users-0001";
    const response = await graphql<{ users: { edges: unknown[] } }>(
      platform,
      "{ users(first: 100) { edges { node { id email profile { firstName } roles } } } }",
      { token: admin.token, requestId },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.users.edges).toHaveLength(22);
    // The caller's access is needed before `users` may run, so it cannot join the roles' batch.
    expect(rpcCalls(requestId)).toEqual({ "auth.listAccounts": 1, "user.profiles": 1, "security.access": 2 });
  });
});
