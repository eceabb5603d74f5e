import { existsSync, readFileSync } from "node:fs";
import { buildSchema, findBreakingChanges, isInterfaceType, isObjectType, type GraphQLField, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { fieldPermissions } from "../src/graphql/field-permissions.ts";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
// The team's contract lives beside the checkout (../shared/contract), as it does in CI.
const CONTRACT_DIR = "../../../../shared/contract/";
/**
 * The contract's SDL files the gateway serves, read as one schema (trading.graphql and
 * live-data.graphql extend schema.graphql).
 */
const SERVED_CONTRACT_FILES = ["schema.graphql", "trading.graphql", "live-data.graphql"];
for (const file of SERVED_CONTRACT_FILES) {
  if (!existsSync(new URL(CONTRACT_DIR + file, import.meta.url))) {
    throw new Error(`../shared/contract/${file} is missing: check out the handbook beside this repository`);
  }
}
const contract = buildSchema(SERVED_CONTRACT_FILES.map((file) => read(CONTRACT_DIR + file)).join("\n"));
const served = buildSchema(read("../src/graphql/schema.graphql"));

/** Every field of every object and interface type, by "Type.field". */
function fieldsOf(schema: GraphQLSchema): [string, GraphQLField<unknown, unknown>][] {
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith("__"))
    .flatMap((type) => (isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()).map((f) => [type.name, f] as const) : []))
    .map(([type, field]) => [`${type}.${field.name}`, field]);
}

/** "Type.field" -> X, for each field whose description says "Requires: X". */
function requirementsOf(schema: GraphQLSchema): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [path, field] of fieldsOf(schema)) {
    const match = /Requires: (\w+)/.exec(field.description ?? "");
    if (match) found[path] = match[1]!;
  }
  return found;
}

const descriptionsOf = (schema: GraphQLSchema) => Object.fromEntries(fieldsOf(schema).map(([path, field]) => [path, field.description]));

describe("the gateway's schema", () => {
  it("serves the contract: nothing renamed, removed or retyped", () => {
    expect(findBreakingChanges(contract, served)).toEqual([]);
  });

  it("describes every contract field as the contract does, its requirement included", () => {
    expect(descriptionsOf(served)).toMatchObject(descriptionsOf(contract));
  });

  it("guards exactly the fields whose contract description says 'Requires: X', with X, on every type", () => {
    expect(fieldPermissions).toEqual(requirementsOf(contract));
  });
});
