import { readFileSync } from "node:fs";
import { buildSchema, isEnumType, isInputObjectType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { renderApiReference, requiredPermission } from "./api-reference.ts";

const sdl = readFileSync("workers/gateway/src/graphql/schema.graphql", "utf8");
const schema = buildSchema(sdl);
const reference = renderApiReference(sdl);
const ownTypes = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith("__") && !["String", "Int", "Float", "Boolean", "ID"].includes(t.name));

describe("the GraphQL reference (docs/api.md)", () => {
  it("is what the SDL renders to (npm run api-docs)", () => {
    expect(readFileSync("docs/api.md", "utf8")).toBe(reference);
  });

  it("mentions every type, field, argument, input field and enum value of the SDL", () => {
    const missing: string[] = [];
    const mentioned = (name: string, what: string) => void (reference.includes(name) || missing.push(what));
    for (const type of ownTypes) {
      mentioned(type.name, type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          mentioned(`\`${field.name}`, `${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) mentioned(`${arg.name}: ${String(arg.type)}`, `${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) mentioned(`\`${value.name}\``, `${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it("says for each operation what it requires, from its Requires line", () => {
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        const section = reference.split(/^### /m).find((s) => s.startsWith(`\`${field.name}`))!;
        const permission = requiredPermission(field.description);
        expect(section, field.name).toContain(permission ? `**Requires:** the \`${permission}\` permission` : "**Requires:** nothing (public)");
        if (permission) expect(section, field.name).toContain(`\`FORBIDDEN\` without \`${permission}\``);
      }
    }
    expect(reference).toContain("**Requires:** the `view_stocks` permission");
    expect(reference).toContain("**Requires:** nothing (public)");
  });

  it("follows the SDL: a new field with a permission appears with it", () => {
    const grown = sdl.replace("type Query {", 'type Query {\n  """A new thing. Requires: view_things"""\n  thing(id: ID!): String');
    const section = renderApiReference(grown).split(/^### /m).find((s) => s.startsWith("`thing"));
    expect(section).toContain("`thing(id: ID!): String`");
    expect(section).toContain("the `view_things` permission");
  });
});
