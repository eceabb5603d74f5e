/**
 * Property-based: random and hostile arguments for every field and mutation that takes
 * any, through the real gateway and Workers. Whatever arrives, the answer is data or a
 * contract error, never a 500 and never INTERNAL_SERVER_ERROR; and a malformed symbol
 * never costs the valid symbols asked beside it in the same request.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { seedInstruments } from "../../stock/src/seed/instruments.ts";
import { errorCodes, graphql, signUpAdmin, type SignedIn } from "./support/graphql-client.ts";

let platform: Platform;
let admin: SignedIn;

beforeAll(async () => {
  platform = await startPlatform();
  admin = await signUpAdmin(platform);
});
afterAll(() => platform?.stop());

const hostileString = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "AAPL", " aapl ", "BRK.B", "^GSPC", "'; DROP TABLE instruments; --", "\u0000", "%00", "../../etc/passwd"),
  fc.string({ minLength: 200, maxLength: 5_000 }),
  fc.uuid(),
);
const anyInt = fc.oneof(fc.integer({ min: -1_000, max: 1_000 }), fc.constantFrom(0, 1, 25, 26, 100, 101, 2 ** 31 - 1, -(2 ** 31)));

const cases: { name: string; query: string; variables: fc.Arbitrary<Record<string, unknown>> }[] = [
  { name: "stock", query: "query ($s: String!) { stock(symbol: $s) { symbol quote { price } } }", variables: fc.record({ s: hostileString }) },
  {
    name: "stocks",
    query: "query ($s: [String!]!) { stocks(symbols: $s) { symbol } }",
    variables: fc.record({ s: fc.array(hostileString, { maxLength: 60 }) }),
  },
  {
    name: "searchStocks",
    query: "query ($q: String!, $l: Int) { searchStocks(query: $q, limit: $l) { symbol } }",
    variables: fc.record({ q: hostileString, l: anyInt }),
  },
  {
    name: "history",
    query: "query ($s: String!, $p: HistoryPeriod) { stock(symbol: $s) { history(period: $p) { date } } }",
    variables: fc.record({ s: hostileString, p: fc.constantFrom("ONE_DAY", "FIVE_DAYS", "MAX", "YEAR_TO_DATE", "NOT_A_PERIOD") }),
  },
  { name: "hasPermission", query: "query ($p: String!) { hasPermission(permission: $p) }", variables: fc.record({ p: hostileString }) },
  { name: "user", query: "query ($id: ID!) { user(id: $id) { id email } }", variables: fc.record({ id: hostileString }) },
  {
    name: "users",
    query: "query ($f: Int, $a: String) { users(first: $f, after: $a) { edges { cursor } pageInfo { hasNextPage } } }",
    variables: fc.record({ f: anyInt, a: fc.option(hostileString, { nil: null }) }),
  },
  {
    name: "updateProfile",
    query: "mutation ($i: UpdateProfileInput!) { updateProfile(input: $i) { firstName } }",
    variables: fc.record({ i: fc.record({ firstName: fc.option(hostileString, { nil: null }), lastName: fc.option(hostileString, { nil: null }) }) }),
  },
  { name: "addToWatchlist", query: "mutation ($s: String!) { addToWatchlist(symbol: $s) { symbol } }", variables: fc.record({ s: hostileString }) },
  { name: "removeFromWatchlist", query: "mutation ($s: String!) { removeFromWatchlist(symbol: $s) { symbol } }", variables: fc.record({ s: hostileString }) },
  {
    name: "assignRole",
    query: "mutation ($u: ID!, $r: String!) { assignRole(userId: $u, role: $r) { id } }",
    variables: fc.record({ u: hostileString, r: hostileString }),
  },
  {
    name: "revokeRole",
    query: "mutation ($u: ID!, $r: String!) { revokeRole(userId: $u, role: $r) { id } }",
    variables: fc.record({ u: hostileString, r: hostileString }),
  },
];

describe("hostile arguments never make a 500", () => {
  it.each(cases)("$name", async ({ query, variables }) => {
    await fc.assert(
      fc.asyncProperty(variables, async (vars) => {
        const response = await graphql(platform, query, { variables: vars, token: admin.token });
        expect(response.status).toBeLessThan(500);
        for (const error of response.errors ?? []) expect(error.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
      }),
      { numRuns: 25 },
    );
  });
});

// Strings in and around the symbol alphabet, where the rules of two layers could disagree.
const symbolLike = fc.string({ unit: fc.constantFrom("A", "z", "0", ".", "-", "=", "^", " ", "ß", "ı", "_"), maxLength: 22 });
const validSymbol = fc.constantFrom(...seedInstruments.map((i) => i.symbol)).chain((symbol) =>
  fc.constantFrom(symbol, symbol.toLowerCase(), ` ${symbol} `).map((asked) => ({ asked, symbol })),
);

describe("a valid symbol next to an invalid one in one request always answers the valid one", () => {
  it("stock beside stock: the valid one answers its instrument and quote", async () => {
    const query = `query ($good: String!, $other: String!) {
      a: stock(symbol: $good) { symbol quote { price } }
      b: stock(symbol: $other) { symbol quote { price } }
    }`;
    await fc.assert(
      fc.asyncProperty(validSymbol, fc.oneof(symbolLike, hostileString), async (good, other) => {
        const response = await graphql<{ a: { symbol: string; quote: { price: number } } }>(platform, query, {
          variables: { good: good.asked, other },
          token: admin.token,
        });
        expect(response.data?.a).toEqual({ symbol: good.symbol, quote: { price: expect.any(Number) } });
        expect(errorCodes(response).a).toBeUndefined();
        for (const error of response.errors ?? []) expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "symbol" });
      }),
      { numRuns: 40 },
    );
  });

  it("stock beside stocks: the valid one answers whatever the list holds", async () => {
    const query = `query ($good: String!, $others: [String!]!) {
      a: stock(symbol: $good) { symbol quote { price } }
      s: stocks(symbols: $others) { symbol quote { price } }
    }`;
    await fc.assert(
      fc.asyncProperty(validSymbol, fc.array(fc.oneof(symbolLike, validSymbol.map((v) => v.asked)), { minLength: 1, maxLength: 5 }), async (good, others) => {
        const response = await graphql<{ a: { symbol: string } }>(platform, query, { variables: { good: good.asked, others }, token: admin.token });
        expect(response.data?.a).toEqual({ symbol: good.symbol, quote: { price: expect.any(Number) } });
        expect(errorCodes(response).a).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });
});
