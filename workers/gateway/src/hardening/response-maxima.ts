/**
 * How long Fafnir's lists and values can get, for the response bound (response-bound.ts):
 * each list field by the most items it can return (the symbols asked for, the bars of a
 * history period, a page size, a full watchlist), each leaf by the longest JSON its value
 * can take. Introspection's lists and strings are measured on the schema itself.
 */
import {
  astFromValue,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  print,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLLeafType,
  type GraphQLSchema,
} from "graphql";
import type { HistoryPeriod } from "../../../stock/src/contract";
import { MAX_LEADERBOARD, MAX_SEARCH_RESULTS, MAX_STOCKS, MAX_TRADING_PAGE, MAX_USERS_PAGE } from "../graphql/argument-maxima";
import type { Arguments, ResponseMaxima } from "./response-bound";

/**
 * The user service's cap on a watchlist (its contract's MAX_WATCHLIST; a copy, as importing
 * a value of a contract would bundle its input schemas too: response-bound.test.ts compares).
 */
export const MAX_WATCHLIST = 100;
/**
 * Roles and permissions are rows only migrations write (the seed has 2 roles, 5
 * permissions, names of at most 20 characters): generous constants, not read from the data.
 */
export const MAX_ROLES = 32;
export const MAX_PERMISSIONS = 64;
const ROLE_NAME_BYTES = 66;
/**
 * Positions of one trading account, counted as a full watchlist is. The trading contract
 * caps open orders (100), not the symbols held, so this is an estimate rather than a limit:
 * an account holding more still answers, within the serialization cap (response-size.ts).
 */
export const MAX_POSITIONS = 100;
/** The gateway and the five services it checks (resolvers/health.ts). */
const HEALTH_SERVICES = 6;

/**
 * The most daily bars a period can hold: the calendar days of the stock service's window,
 * its first and last day included, plus one for a bar a provider dates a day ahead of New
 * York. Crypto trades every day: no weekends off. The stock service's tests check its
 * windows against these (stock/src/history.test.ts).
 */
const PERIOD_BARS: Record<Exclude<HistoryPeriod, "MAX">, number> = {
  ONE_DAY: 1,
  FIVE_DAYS: 5,
  ONE_MONTH: 33,
  THREE_MONTHS: 94,
  SIX_MONTHS: 186,
  YEAR_TO_DATE: 367,
  ONE_YEAR: 368,
  TWO_YEARS: 733,
  FIVE_YEARS: 1_829,
};

const DAY_MS = 86_400_000;

/** MAX starts on 1970-01-01; a period the stock service would refuse (null) counts as MAX. */
export function historyBars(period: unknown, now: number): number {
  if (typeof period === "string" && period in PERIOD_BARS) return PERIOD_BARS[period as keyof typeof PERIOD_BARS];
  return Math.floor(now / DAY_MS) + 2;
}

const listLength = (value: unknown) => (Array.isArray(value) ? value.length : 1);
const count = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);

type ListRule = number | ((args: Arguments, parentArgs: Arguments, now: number) => number);

const LIST_ITEMS: Record<string, ListRule> = {
  "Query.stocks": ({ symbols }) => Math.min(listLength(symbols), MAX_STOCKS),
  "Query.searchStocks": ({ limit }) => Math.min(count(limit, MAX_SEARCH_RESULTS), MAX_SEARCH_RESULTS),
  "Query.roles": MAX_ROLES,
  "UserConnection.edges": (_args, { first }) => Math.min(count(first, MAX_USERS_PAGE), MAX_USERS_PAGE),
  "Stock.history": ({ period }, _parent, now) => historyBars(period, now),
  "Viewer.watchlist": MAX_WATCHLIST,
  "Viewer.roles": MAX_ROLES,
  "Viewer.permissions": MAX_PERMISSIONS,
  "User.roles": MAX_ROLES,
  "Role.permissions": MAX_PERMISSIONS,
  "Mutation.addToWatchlist": MAX_WATCHLIST,
  "Mutation.removeFromWatchlist": MAX_WATCHLIST,
  "Health.services": HEALTH_SERVICES,
  "Query.leaderboard": ({ first }) => Math.min(count(first, MAX_LEADERBOARD), MAX_LEADERBOARD),
  "TradingAccount.positions": MAX_POSITIONS,
  "OrderConnection.edges": (_args, { first }) => Math.min(count(first, MAX_TRADING_PAGE), MAX_TRADING_PAGE),
  "ActivityConnection.edges": (_args, { first }) => Math.min(count(first, MAX_TRADING_PAGE), MAX_TRADING_PAGE),
  // A point per trading day of the period (at most its daily bars), plus today's.
  "TradingAccount.equityHistory": ({ period }, _parent, now) => historyBars(period, now) + 1,
};

/**
 * The longest JSON of one value of each scalar, quotes included. Float: 17 significant
 * digits, sign, point and exponent ("-1.2345678901234567e-308"). ID: user ids are UUIDs.
 * DateTime: toISOString, up to a six-digit year. String: a conservative constant for free
 * text (names from providers and users), about 1,000 ASCII or 250 emoji characters.
 */
export const SCALAR_BYTES: Record<string, number> = {
  Float: 24,
  Int: 11,
  Boolean: 5,
  ID: 38,
  DateTime: 29,
  Date: 12,
  String: 1_024,
  // Decimal text: sign, up to 30 digits, point (shared/decimal.ts: at most 16 whole digits in).
  Decimal: 34,
};

/** Strings the platform itself writes, shorter than free text. */
const LEAF_BYTES: Record<string, number> = {
  "Health.status": 10, // "degraded"
  "ServiceHealth.name": 10, // "security"
  "Viewer.email": 256, // auth: at most 254 ASCII characters
  "User.email": 256,
  "Viewer.roles": ROLE_NAME_BYTES,
  "Viewer.permissions": ROLE_NAME_BYTES,
  "User.roles": ROLE_NAME_BYTES,
  "Role.name": ROLE_NAME_BYTES,
  "Role.permissions": ROLE_NAME_BYTES,
  "TradingAccount.currency": 5, // "USD"
  "Order.clientOrderId": 66, // 1 to 64 of A-Z a-z 0-9 . _ : -
};

/**
 * One error object without its path and locations: `{"message":,"locations":,"path":,
 * "extensions":}` (47 bytes), a message of at most 512 bytes (the longest, BAD_USER_INPUT
 * quoting 40 characters of a bad symbol, is under 300) and extensions of at most 256 (an
 * INTERNAL_SERVER_ERROR's 128-character request id).
 */
const ERROR_BYTES = 1_024;

const utf8 = new TextEncoder();
const jsonBytes = (text: string) => utf8.encode(JSON.stringify(text)).length;
const longest = (sizes: number[]) => Math.max(0, ...sizes);

interface SchemaMaxima {
  lists: Record<string, number>;
  /** Per introspection field ("__Field.description"): its longest value in the schema, as JSON. */
  texts: Record<string, number>;
}

type Text = string | null | undefined;

function measureSchema(schema: GraphQLSchema): SchemaMaxima {
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  const fieldsOf = (type: (typeof types)[number]) => (isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : []);
  const fields = types.flatMap(fieldsOf);
  const inputs: (GraphQLArgument | GraphQLInputField)[] = [
    ...fields.flatMap((f) => f.args),
    ...directives.flatMap((d) => d.args),
    ...types.flatMap((t) => (isInputObjectType(t) ? Object.values(t.getFields()) : [])),
  ];
  const enumValues = types.flatMap((t) => (isEnumType(t) ? t.getValues() : []));
  const defaultText = (input: GraphQLArgument | GraphQLInputField) => {
    const ast = astFromValue(input.defaultValue, input.type);
    return ast ? print(ast) : null;
  };
  const longestText = (texts: Text[]) => longest(texts.flatMap((t) => (t == null ? [] : [jsonBytes(t)])));
  return {
    lists: {
      "__Schema.types": types.length,
      "__Schema.directives": directives.length,
      "__Type.fields": longest(types.map((t) => fieldsOf(t).length)),
      "__Type.interfaces": longest(types.map((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0))),
      "__Type.possibleTypes": longest(types.map((t) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 0))),
      "__Type.enumValues": longest(types.map((t) => (isEnumType(t) ? t.getValues().length : 0))),
      "__Type.inputFields": longest(types.map((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0))),
      "__Field.args": longest(fields.map((f) => f.args.length)),
      "__Directive.args": longest(directives.map((d) => d.args.length)),
      "__Directive.locations": longest(directives.map((d) => d.locations.length)),
    },
    texts: {
      "__Schema.description": longestText([schema.description]),
      "__Type.name": longestText(types.map((t) => t.name)),
      "__Type.description": longestText(types.map((t) => t.description)),
      "__Type.specifiedByURL": longestText(types.map((t) => (isScalarType(t) ? t.specifiedByURL : null))),
      "__Field.name": longestText(fields.map((f) => f.name)),
      "__Field.description": longestText(fields.map((f) => f.description)),
      "__Field.deprecationReason": longestText(fields.map((f) => f.deprecationReason)),
      "__InputValue.name": longestText(inputs.map((i) => i.name)),
      "__InputValue.description": longestText(inputs.map((i) => i.description)),
      "__InputValue.defaultValue": longestText(inputs.map(defaultText)),
      "__InputValue.deprecationReason": longestText(inputs.map((i) => i.deprecationReason)),
      "__EnumValue.name": longestText(enumValues.map((v) => v.name)),
      "__EnumValue.description": longestText(enumValues.map((v) => v.description)),
      "__EnumValue.deprecationReason": longestText(enumValues.map((v) => v.deprecationReason)),
      "__Directive.name": longestText(directives.map((d) => d.name)),
      "__Directive.description": longestText(directives.map((d) => d.description)),
    },
  };
}

const isIntrospection = (coordinate: string) => coordinate.startsWith("__") || /^\w+\.__(schema|type)$/.test(coordinate);

const measured = new WeakMap<GraphQLSchema, SchemaMaxima>();

/** Fafnir's maxima for one request (`now` dates the MAX history period). */
export function fafnirMaxima(schema: GraphQLSchema, now = Date.now()): ResponseMaxima {
  let own = measured.get(schema);
  if (!own) {
    own = measureSchema(schema);
    measured.set(schema, own);
  }
  const schemaMaxima = own;
  return {
    listItems(coordinate, args, parentArgs) {
      const rule = LIST_ITEMS[coordinate] ?? schemaMaxima.lists[coordinate];
      // Fail closed: a list field added to the schema needs its maximum here first.
      if (rule === undefined) throw new Error(`The list field ${coordinate} has no maximum in response-maxima.ts`);
      return typeof rule === "number" ? rule : rule(args, parentArgs, now);
    },
    leafBytes(coordinate, type: GraphQLLeafType) {
      if (isEnumType(type)) return longest(type.getValues().map((v) => v.name.length)) + 2;
      const bytes = schemaMaxima.texts[coordinate] ?? LEAF_BYTES[coordinate] ?? SCALAR_BYTES[type.name];
      if (bytes === undefined) throw new Error(`The scalar ${type.name} has no maximum in response-maxima.ts`);
      return bytes;
    },
    canFail: (coordinate) => !isIntrospection(coordinate),
    errorBytes: ERROR_BYTES,
  };
}
