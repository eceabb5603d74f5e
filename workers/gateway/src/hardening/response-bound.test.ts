import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLOutputType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_WATCHLIST as USER_SERVICE_MAX_WATCHLIST } from "../../../user/src/contract";
import typeDefs from "../graphql/schema.graphql";
import { operationBound } from "./response-bound";
import { fafnirMaxima, MAX_WATCHLIST } from "./response-maxima";

const schema = buildSchema(typeDefs);
const LIMIT = 5_000_000;

const boundOf = (query: string, variables: Record<string, unknown> = {}, limit = LIMIT) =>
  operationBound(schema, parse(query), undefined, variables, fafnirMaxima(schema), limit);

const CANDLE = "date open high low close volume change changePercent";
const QUOTE = "price open previousClose change changePercent volume marketCap dayLow dayHigh yearLow yearHigh source asOf marketState stale";
const STOCK = `symbol name exchange exchangeFullName currency instrumentType quote { ${QUOTE} }`;
const ACCOUNT = "id currency cash buyingPower positionsValue equity netDeposits totalReturn totalReturnPercent realizedPnl unrealizedPnl onLeaderboard createdAt resetAt";
const POSITION = "symbol quantity availableQuantity averageCost costBasis marketPrice marketValue unrealizedPnl unrealizedPnlPercent";
const ORDER =
  "id clientOrderId symbol side type timeInForce quantity limitPrice stopPrice status reason filledQuantity averageFillPrice cashAmount reservedCash createdAt updatedAt filledAt triggeredAt";
const symbols = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => `S${i}`));
const aliased = (n: number, selection: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;

describe("the response bound lets ordinary queries through", () => {
  it.each([
    ["one symbol's one-year history, every field", `{ stock(symbol: "AAPL") { ${STOCK} history(period: ONE_YEAR) { ${CANDLE} } } }`],
    ["a full watchlist with every stock field and a month of history", `{ me { watchlist { symbol addedAt stock { ${STOCK} history { ${CANDLE} } } } } }`],
    ["quotes of 20 symbols", `{ stocks(symbols: ${symbols(20)}) { ${STOCK} } }`],
    ["a page of 100 users", "{ users(first: 100) { edges { cursor node { id email profile { firstName lastName createdAt updatedAt } roles createdAt } } pageInfo { hasNextPage endCursor } } }"],
    [
      "the trading account page: figures, positions with their stocks' quotes, 100 orders, 100 activity entries, a year of equity",
      `{ me { tradingAccount { ${ACCOUNT} positions { ${POSITION} stock { ${STOCK} } } orders(first: 100) { edges { cursor node { ${ORDER} } } pageInfo { hasNextPage endCursor } }
        activity(first: 100) { edges { cursor node { id kind amount cashAfter at order { ${ORDER} } } } } equityHistory(period: ONE_YEAR) { date equity } } } }`,
    ],
    ["the leaderboard's 100 entries", "{ leaderboard(first: 100) { rank displayName totalReturnPercent since } }"],
    ["25 search results", '{ searchStocks(query: "a", limit: 25) { symbol name exchange instrumentType } }'],
    ["GraphiQL's introspection", getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true })],
  ])("%s", (_name, query) => {
    expect(boundOf(query)).toBeLessThan(LIMIT);
  });
});

describe("the response bound refuses amplification", () => {
  it.each([
    ["30 aliases x 50 symbols x history(MAX)", aliased(30, `stocks(symbols: ${symbols(50)}) { history(period: MAX) { ${CANDLE} } }`)],
    ["10 aliases x 10 symbols x history(MAX)", aliased(10, `stocks(symbols: ${symbols(10)}) { history(period: MAX) { ${CANDLE} } }`)],
    ["history with a null period (refused by the service, counted as MAX)", aliased(3, `stock(symbol: "A") { history(period: null) { ${CANDLE} } }`)],
    ["every position's five-year history", `{ me { tradingAccount { positions { stock { history(period: FIVE_YEARS) { ${CANDLE} } } } } } }`],
  ])("%s", (_name, query) => {
    expect(boundOf(query)).toBeGreaterThan(LIMIT);
  });

  it("counts the symbols of a variable, once coerced", () => {
    const query = `query ($s: [String!]!) { stocks(symbols: $s) { history(period: FIVE_YEARS) { ${CANDLE} } } }`;
    const one = boundOf(query, { s: ["AAPL"] })!;
    const fifty = boundOf(query, { s: Array.from({ length: 50 }, (_, i) => `S${i}`) })!;
    // A lone value coerces to a list of one.
    expect(boundOf(query, { s: "AAPL" })).toBe(one);
    expect(fifty).toBeGreaterThan(45 * one);
    expect(fifty).toBeGreaterThan(LIMIT);
  });

  it("counts page sizes and search limits, by their arguments or the most the resolver accepts", () => {
    const users = (first: string) => `{ users${first} { edges { node { id } } } }`;
    const edge = JSON.stringify({ node: { id: crypto.randomUUID() } }).length;
    expect(boundOf(users("(first: 100)"))!).toBeGreaterThanOrEqual(boundOf(users("(first: 20)"))! + 80 * edge);
    expect(boundOf(users(""))).toBe(boundOf(users("(first: 20)")));
    // Over the maximum the resolver answers BAD_USER_INPUT: never more than the maximum.
    expect(boundOf(users("(first: 100000)"))).toBe(boundOf(users("(first: 100)")));
    const search = (limit: string) => `{ searchStocks(query: "a"${limit}) { symbol } }`;
    expect(boundOf(search(""))!).toBeLessThan(boundOf(search(", limit: 25"))!);
    expect(boundOf(search(", limit: null"))).toBe(boundOf(search(", limit: 25")));
  });

  it("counts fragments and inline fragments as the fields they spread, and a repeated key once", () => {
    const inline = `{ stock(symbol: "A") { symbol history(period: ONE_YEAR) { date close } } }`;
    const spread = `{ stock(symbol: "A") { ...S } } fragment S on Stock { symbol ... on Stock { history(period: ONE_YEAR) { ...C } } } fragment C on Candle { date close }`;
    const repeated = `{ stock(symbol: "A") { symbol history(period: ONE_YEAR) { date } history(period: ONE_YEAR) { close } ...S } } fragment S on Stock { symbol }`;
    // The same but for the digits of a location (a longer document) and the locations of merged nodes.
    const sameFields = (query: string) => expect(boundOf(query)! - boundOf(inline)!).toSatisfy((d: number) => d >= 0 && d < 500);
    sameFields(spread);
    sameFields(repeated);
    expect(boundOf(inline.replace("date close", "date"))!).toBeLessThan(boundOf(inline)! - 300 * 24);
  });

  it("answers Infinity, without walking on, once the bound is sure to be over the limit", () => {
    expect(boundOf(aliased(30, `stocks(symbols: ${symbols(50)}) { symbol }`), {}, 10)).toBe(Infinity);
  });

  it("is at least the response it bounds", () => {
    expect(boundOf("{ __typename }")).toBeGreaterThanOrEqual(JSON.stringify({ data: { __typename: "Query" } }).length);
  });

  it("leaves a request whose variables do not coerce to execution, which refuses it", () => {
    expect(boundOf("query ($s: [String!]!) { stocks(symbols: $s) { symbol } }", { s: [1, null] })).toBeUndefined();
  });
});

describe("the maxima", () => {
  it("cover every list and leaf field of the schema", () => {
    const maxima = fafnirMaxima(schema);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        const listed = (t: GraphQLOutputType): boolean => (isNonNullType(t) ? listed(t.ofType) : isListType(t));
        try {
          if (listed(field.type)) maxima.listItems(coordinate, {}, {});
          const leaf = getNamedType(field.type);
          if (isLeafType(leaf)) expect(maxima.leafBytes(coordinate, leaf)).toBeGreaterThanOrEqual(0);
        } catch {
          missing.push(coordinate);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("take the watchlist cap of the user service", () => {
    expect(MAX_WATCHLIST).toBe(USER_SERVICE_MAX_WATCHLIST);
  });
});
