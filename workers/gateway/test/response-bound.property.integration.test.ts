/**
 * Property-based: random documents against the real schema (aliases, fragments, inline
 * fragments, variables, introspection, long symbol lists, every history period), sent by
 * a signed-out caller, a member or an admin through the real gateway and Workers. Each
 * answer is either QUERY_TOO_COMPLEX, when the response bound (src/hardening/
 * response-bound.ts) is over the limit, or a body no larger than that bound: the bound is
 * honest, and the next amplification variant is refused too.
 */
import fc from "fast-check";
import {
  buildSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from "graphql";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { HISTORY_PERIODS } from "../../stock/src/contract.ts";
import { collectFields, fieldDefinition, operationBound, type Arguments } from "../src/hardening/response-bound.ts";
import { fafnirMaxima } from "../src/hardening/response-maxima.ts";
import { graphql, signUp, signUpAdmin, type SignedIn } from "./support/graphql-client.ts";

const LIMIT = 5_000_000;
const schema = buildSchema(readFileSync(new URL("../src/graphql/schema.graphql", import.meta.url), "utf8"));
// A few symbols, so the history behind MAX is fetched once; an unknown one and a sloppy one.
const SYMBOLS = ["AAPL", "MSFT", "SPY", "BTC-USD", " tsla ", "NOPE"];
const MAX_DEPTH = 6;

let platform: Platform;
let callers: Record<"anonymous" | "member" | "admin", string | undefined>;

beforeAll(async () => {
  platform = await startPlatform();
  const [member, admin]: SignedIn[] = await Promise.all([signUp(platform, "fuzz"), signUpAdmin(platform)]);
  callers = { anonymous: undefined, member: member!.token, admin: admin!.token };
  // Trading accounts with positions, orders and activity, so the trading lists are answered too.
  const trade = 'mutation { openTradingAccount { id } a: placeOrder(input: { symbol: "AAPL", side: BUY, quantity: "1.5" }) { id } b: placeOrder(input: { symbol: "SPY", side: BUY, type: LIMIT, quantity: "2", limitPrice: "1", timeInForce: GTC }) { id } c: setLeaderboardVisibility(visible: true) { id } }';
  for (const user of [member!, admin!]) expect((await graphql(platform, trade, { token: user.token })).errors).toBeUndefined();
});
afterAll(() => platform?.stop());

type Gen = fc.GeneratorValue;

/** What one generated document accumulates: variables and fragments sit outside the selections. */
interface Draft {
  g: Gen;
  variables: Record<string, unknown>;
  definitions: string[];
  fragments: string[];
  names: number;
}

function variable(draft: Draft, type: string, value: unknown): string {
  const name = `v${draft.names++}`;
  draft.definitions.push(`$${name}: ${type}`);
  draft.variables[name] = value;
  return `$${name}`;
}

const literalOrVariable = (draft: Draft, type: string, value: unknown) =>
  draft.g(fc.boolean) ? variable(draft, type, value) : JSON.stringify(value);

/** The arguments of fields that take any; undefined for a field this generator leaves out. */
const ARGUMENTS: Record<string, (draft: Draft) => string> = {
  "Query.stock": (d) => `(symbol: ${literalOrVariable(d, "String!", d.g(fc.constantFrom, ...SYMBOLS))})`,
  "Query.stocks": (d) => {
    const length = d.g(() => fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 50 })));
    const symbols = Array.from({ length }, () => d.g(fc.constantFrom, ...SYMBOLS));
    return `(symbols: ${literalOrVariable(d, "[String!]!", symbols)})`;
  },
  "Query.searchStocks": (d) => {
    const limit = d.g(fc.option, fc.integer({ min: 1, max: 25 }), { nil: undefined });
    return `(query: ${JSON.stringify(d.g(fc.constantFrom, "a", "app", "micro", "usd", "zzzz"))}${limit ? `, limit: ${limit}` : ""})`;
  },
  "Query.hasPermission": (d) => `(permission: ${JSON.stringify(d.g(fc.constantFrom, "view_stocks", "manage_roles", "nope"))})`,
  "Query.user": (d) => `(id: ${JSON.stringify(d.g(fc.uuid))})`,
  "Query.users": (d) => {
    const first = d.g(fc.option, fc.integer({ min: 1, max: 30 }), { nil: undefined });
    return first ? `(first: ${first})` : "";
  },
  "Query.__type": (d) => `(name: ${JSON.stringify(d.g(fc.constantFrom, "Query", "Stock", "HistoryPeriod", "__Type", "Nope"))})`,
  "Query.leaderboard": (d) => {
    const first = d.g(fc.option, fc.integer({ min: 1, max: 100 }), { nil: undefined });
    return first ? `(first: ${literalOrVariable(d, "Int", first)})` : "";
  },
  "TradingAccount.orders": (d) => {
    const first = d.g(fc.option, fc.integer({ min: 1, max: 100 }), { nil: undefined });
    const status = d.g(fc.option, fc.constantFrom("OPEN", "FILLED", "CANCELED"), { nil: undefined });
    const args = [first ? `first: ${first}` : "", status ? `status: ${status}` : ""].filter(Boolean);
    return args.length ? `(${args.join(", ")})` : "";
  },
  "TradingAccount.activity": (d) => {
    const first = d.g(fc.option, fc.integer({ min: 1, max: 100 }), { nil: undefined });
    return first ? `(first: ${literalOrVariable(d, "Int", first)})` : "";
  },
  "TradingAccount.order": (d) => `(id: ${JSON.stringify(d.g(fc.uuid))})`,
  "TradingAccount.equityHistory": (d) => {
    const period = d.g(fc.option, fc.constantFrom(...HISTORY_PERIODS), { nil: undefined });
    return period ? `(period: ${literalOrVariable(d, "HistoryPeriod", period)})` : "";
  },
  "Stock.history": (d) => {
    const period = d.g(fc.option, fc.constantFrom(...HISTORY_PERIODS), { nil: undefined });
    return period ? `(period: ${literalOrVariable(d, "HistoryPeriod", period)})` : "";
  },
};

function fieldsOf(type: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
  const fields = Object.values(type.getFields()).filter(
    (f) => ARGUMENTS[`${type.name}.${f.name}`] || f.args.every((a) => a.defaultValue !== undefined || !a.type.toString().endsWith("!")),
  );
  if (type !== schema.getQueryType()) return fields;
  return [...fields, { name: "__schema", args: [], type: schema.getType("__Schema") }, { name: "__type", args: [], type: schema.getType("__Type") }] as GraphQLField<unknown, unknown>[];
}

/** A selection set on `type`: a few fields (repeats aliased), some spread through fragments. */
function selections(draft: Draft, type: GraphQLObjectType, depth: number): string {
  const { g } = draft;
  const fields = fieldsOf(type);
  const used = new Set<string>();
  const picks: string[] = [];
  const count = g(fc.integer, { min: 1, max: depth === 0 ? 4 : 5 });
  for (let i = 0; i < count; i++) {
    if (g(fc.integer, { min: 0, max: 9 }) === 0) {
      picks.push("__typename");
      continue;
    }
    const field = fields[g(fc.nat, fields.length - 1)]!;
    const key = used.has(field.name) ? `k${draft.names++}: ` : "";
    used.add(field.name);
    const args = ARGUMENTS[`${type.name}.${field.name}`]?.(draft) ?? "";
    const named = getNamedType(field.type);
    const sub = isObjectType(named) ? ` { ${depth + 1 < MAX_DEPTH ? selections(draft, named, depth + 1) : "__typename"} }` : "";
    picks.push(`${key}${field.name}${args}${sub}`);
  }
  const body = picks.join(" ");
  switch (g(fc.integer, { min: 0, max: 5 })) {
    case 0:
      return `... on ${type.name} { ${body} }`;
    case 1: {
      const name = `F${draft.names++}`;
      draft.fragments.push(`fragment ${name} on ${type.name} { ${body} }`);
      return `...${name}`;
    }
    default:
      return body;
  }
}

/** The amplification shape: many aliases of a long symbol list, a history period, candle fields. */
function amplification(draft: Draft): string {
  const { g } = draft;
  const aliases = g(fc.integer, { min: 1, max: 30 });
  const symbols = Array.from({ length: g(fc.integer, { min: 1, max: 50 }) }, () => g(fc.constantFrom, ...SYMBOLS));
  const list = literalOrVariable(draft, "[String!]!", symbols);
  const fields = g(fc.subarray, ["date", "open", "high", "low", "close", "volume", "change", "changePercent"], { minLength: 1 });
  const period = g(fc.constantFrom, ...HISTORY_PERIODS);
  const name = `F${draft.names++}`;
  draft.fragments.push(`fragment ${name} on Stock { symbol history(period: ${period}) { ${fields.join(" ")} } }`);
  return Array.from({ length: aliases }, (_, i) => `a${i}: stocks(symbols: ${list}) { ...${name} }`).join(" ");
}

function document(g: Gen): { query: string; variables: Record<string, unknown> } {
  const draft: Draft = { g, variables: {}, definitions: [], fragments: [], names: 0 };
  const root = g(fc.integer, { min: 0, max: 3 }) === 0 ? amplification(draft) : selections(draft, schema.getQueryType()!, 0);
  const header = draft.definitions.length > 0 ? `query (${draft.definitions.join(", ")}) ` : "";
  return { query: [`${header}{ ${root} }`, ...draft.fragments].join("\n"), variables: draft.variables };
}

interface Answer {
  status: number;
  bytes: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await platform.fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text, "utf8"), body: JSON.parse(text) as Answer["body"] };
}

const maxima = fafnirMaxima(schema);
const utf8Bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

/**
 * Each maximum the bound multiplies, checked on its own against the answer: every list no
 * longer, every leaf and every error no larger than its maximum. (The bound as a whole is
 * loose enough to hide one maximum that is too small.)
 */
function brokenMaxima(document: DocumentNode, rawVariables: Arguments, body: Answer["body"]): string[] {
  const broken: string[] = [];
  const operation = getOperationAST(document)!;
  const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables) as { coerced: Arguments };
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const visitObject = (type: GraphQLObjectType, nodes: readonly FieldNode[], value: Record<string, unknown>, parentArgs: Arguments) => {
    const selectionSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    for (const [key, fieldNodes] of collectFields(schema, fragments, type, selectionSets)) {
      const node = fieldNodes[0]!;
      const field = node.name.value === "__typename" ? undefined : fieldDefinition(schema, type, node.name.value);
      if (!field || !(key in value)) continue;
      const args = getArgumentValues(field, node, coerced);
      visitValue(field.type, `${type.name}.${field.name}`, fieldNodes, value[key], args, parentArgs);
    }
  };
  const visitValue = (
    type: GraphQLOutputType,
    coordinate: string,
    nodes: readonly FieldNode[],
    value: unknown,
    args: Arguments,
    parentArgs: Arguments,
  ): void => {
    if (value === null) return;
    if (isNonNullType(type)) return visitValue(type.ofType, coordinate, nodes, value, args, parentArgs);
    if (isListType(type)) {
      const items = value as unknown[];
      const most = maxima.listItems(coordinate, args, parentArgs);
      if (items.length > most) broken.push(`${coordinate}: ${items.length} items > ${most}`);
      for (const item of items) visitValue(type.ofType, coordinate, nodes, item, args, parentArgs);
    } else if (isLeafType(type)) {
      const most = maxima.leafBytes(coordinate, type);
      if (utf8Bytes(value) > most) broken.push(`${coordinate}: ${JSON.stringify(value)} > ${most} bytes`);
    } else if (isObjectType(type)) {
      visitObject(type, nodes, value as Record<string, unknown>, args);
    }
  };
  if (body.data) visitObject(schema.getQueryType()!, [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: "" }, selectionSet: operation.selectionSet }], body.data as Record<string, unknown>, {});
  for (const error of body.errors ?? []) {
    const bytes = utf8Bytes({ ...error, path: null, locations: null }) - 8;
    if (bytes > maxima.errorBytes) broken.push(`error ${JSON.stringify(error)}: ${bytes} > ${maxima.errorBytes} bytes`);
  }
  return broken;
}

describe("the response bound is honest", () => {
  it("every answer is QUERY_TOO_COMPLEX over the limit, else no larger than the bound", async () => {
    const seen = { refused: 0, answered: 0, closest: 0 };
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.constantFrom("anonymous", "member", "admin") as fc.Arbitrary<keyof typeof callers>, async (g, caller) => {
        const { query, variables } = document(g);
        const bound = operationBound(schema, parse(query), undefined, variables, fafnirMaxima(schema), LIMIT)!;
        const answer = await send(query, variables, callers[caller]);
        const codes = answer.body.errors?.map((e) => e.extensions?.code) ?? [];
        expect(answer.status).toBeLessThan(500);
        expect(codes).not.toContain("INTERNAL_SERVER_ERROR");
        if (bound > LIMIT) {
          seen.refused += 1;
          expect({ status: answer.status, codes }).toEqual({ status: 400, codes: ["QUERY_TOO_COMPLEX"] });
        } else {
          seen.answered += 1;
          seen.closest = Math.max(seen.closest, answer.bytes / bound);
          // The token, depth and alias limits may still refuse it; the cost limit may not.
          expect(answer.body.errors?.map((e) => e.message).join("\n") ?? "").not.toMatch(/^The response (could|would) be/m);
          expect(answer.bytes).toBeLessThanOrEqual(bound);
          expect(brokenMaxima(parse(query), variables, answer.body)).toEqual([]);
        }
      }),
      { numRuns: 80 },
    );
    console.log(`response bound: ${seen.answered} answered, ${seen.refused} refused; largest body/bound ${seen.closest.toFixed(3)}`);
    // Both sides of the limit were exercised.
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.answered).toBeGreaterThan(0);
  });
});
