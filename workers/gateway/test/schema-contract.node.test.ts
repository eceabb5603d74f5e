import { existsSync, readFileSync } from "node:fs";
import { buildSchema, findBreakingChanges, type GraphQLField } from "graphql";
import { describe, expect, it } from "vitest";
import { fieldPermissions } from "../src/graphql/field-permissions.ts";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
// The team's contract lives beside the checkout (../shared/contract), as it does in CI.
const CONTRACT = "../../../../shared/contract/schema.graphql";
if (!existsSync(new URL(CONTRACT, import.meta.url))) {
  throw new Error("../shared/contract/schema.graphql is missing: check out the handbook beside this repository");
}
const contract = buildSchema(read(CONTRACT));
const served = buildSchema(read("../src/graphql/schema.graphql"));

function requirementsOf(schema: typeof contract): Record<string, string> {
  const found: Record<string, string> = {};
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {}) as GraphQLField<unknown, unknown>[]) {
      const match = /Requires: (\w+)/.exec(field.description ?? "");
      if (match) found[`${type!.name}.${field.name}`] = match[1]!;
    }
  }
  return found;
}

describe("the gateway's schema", () => {
  it("serves the contract: nothing renamed, removed or retyped", () => {
    expect(findBreakingChanges(contract, served)).toEqual([]);
  });

  it("guards exactly the fields whose contract description says 'Requires: X', with X", () => {
    expect(fieldPermissions).toEqual(requirementsOf(contract));
  });
});
