/**
 * Response amplification through the real gateway and Workers: an operation whose response
 * could exceed the limit (5 MB) is refused with QUERY_TOO_COMPLEX before it runs, ordinary
 * queries are answered, and a body that would still be over the limit is not sent.
 */
import { buildSchema, parse } from "graphql";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedInstruments } from "../../stock/src/seed/instruments.ts";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { operationBound } from "../src/hardening/response-bound.ts";
import { fafnirMaxima } from "../src/hardening/response-maxima.ts";
import { graphql, signUp, type SignedIn } from "./support/graphql-client.ts";

const CANDLE = "date open high low close volume change changePercent";
const symbols = seedInstruments.map((i) => i.symbol);
const aliased = (n: number, selection: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;
/** The review's request: 1.7 KB for 30 aliases of 50 symbols, the symbols in a variable. */
const amplification = (aliases: number) =>
  `query ($s: [String!]!) ${aliased(aliases, "stocks(symbols: $s) { ...Bars }")} fragment Bars on Stock { history(period: MAX) { ${CANDLE} } }`;

let platform: Platform;
let member: SignedIn;

beforeAll(async () => {
  platform = await startPlatform();
  member = await signUp(platform, "amplifier");
});
afterAll(() => platform?.stop());

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
}

describe("response amplification", () => {
  it.each([
    [30, 50],
    [10, 10],
  ])("refuses %i aliases of stocks(%i symbols) { history(period: MAX) } with QUERY_TOO_COMPLEX before it runs", async (aliases, count) => {
    const query = amplification(aliases);
    const variables = { s: symbols.slice(0, count) };
    const { result: response, ms } = await timed(() => graphql(platform, query, { token: member.token, variables }));
    const size = JSON.stringify({ query, variables }).length;
    console.log(`${aliases} aliases x ${count} symbols, history(MAX): ${response.status} ${response.errors?.[0]?.extensions?.code} in ${ms} ms (request ${size} bytes)`);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(response.errors?.[0]?.message).toMatch(/The response could be .* over the limit of 5,000,000 bytes/);
  });

  it("counts the symbols of a literal list", async () => {
    const query = aliased(10, `stocks(symbols: ${JSON.stringify(symbols.slice(0, 10))}) { history(period: MAX) { ${CANDLE} } }`);
    const response = await graphql(platform, query, { token: member.token });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["QUERY_TOO_COMPLEX"]);
  });

  it("still answers one symbol's one-year history, and a 20-symbol quote query", async () => {
    const history = await graphql<{ stock: { history: unknown[] } }>(platform, `{ stock(symbol: "AAPL") { symbol history(period: ONE_YEAR) { ${CANDLE} } } }`, {
      token: member.token,
    });
    expect(history.errors).toBeUndefined();
    expect(history.data!.stock.history.length).toBeGreaterThan(200);
    const quotes = await graphql<{ stocks: unknown[] }>(platform, `{ stocks(symbols: ${JSON.stringify(symbols.slice(0, 20))}) { symbol quote { price change } } }`, {
      token: member.token,
    });
    expect(quotes.errors).toBeUndefined();
    expect(quotes.data!.stocks).toHaveLength(20);
  });
});

describe("the cap on the serialized body", () => {
  const schema = buildSchema(readFileSync(new URL("../src/graphql/schema.graphql", import.meta.url), "utf8"));
  const QUERY = "{ me { profile { firstName lastName } } }";
  // Within the bound for names of up to 1,024 bytes: the cap is set to the bound itself.
  const limit = operationBound(schema, parse(QUERY), undefined, {}, fafnirMaxima(schema), Number.MAX_SAFE_INTEGER)!;
  let capped: Platform;

  beforeAll(async () => {
    capped = await startPlatform({ vars: { gateway: { GRAPHQL_MAX_COST: String(limit) } } });
  });
  afterAll(() => capped?.stop());

  it("answers QUERY_TOO_COMPLEX instead of a body over the limit, which the bound let through", async () => {
    // 100 graphemes, as the user service allows, each a letter and 20 combining accents:
    // 4 KB of UTF-8 per name, over the bound's 1,024 bytes of free text.
    const zalgo = `a${"\u0301".repeat(20)}`.repeat(100);
    const response = await capped.fetch("/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `zalgo-${crypto.randomUUID().slice(0, 8)}@example.com`, password: "a long unusual passphrase 42", firstName: zalgo, lastName: zalgo }),
    });
    expect(response.status).toBe(201);
    const { accessToken } = (await response.json()) as { accessToken: string };
    const refused = await graphql(capped, QUERY, { token: accessToken });
    expect(refused.status).toBe(400);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(refused.errors?.[0]?.message).toMatch(/The response would be [\d,]+ bytes, over the limit of/);

    const ordinary = await graphql(capped, QUERY, { token: (await signUp(capped, "plain")).token });
    expect(ordinary.errors).toBeUndefined();
    expect(ordinary.data).toEqual({ me: { profile: { firstName: "Test", lastName: "plain" } } });
  });
});
