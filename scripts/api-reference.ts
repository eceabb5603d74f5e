/**
 * Renders docs/api.md, the GraphQL reference, from the gateway's SDL: every operation with
 * its arguments, the permission it requires and the errors it can answer, then every type.
 * The permission is the SDL description's "Requires: <permission>" line.
 */
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
} from "graphql";

const REQUIRES = /\s*Requires:\s*(\w+)\s*/;

/** What a field needs: a permission, or nothing ("Public"). */
export const requiredPermission = (description: string | null | undefined) => REQUIRES.exec(description ?? "")?.[1] ?? null;

/** The description without its "Requires:" line, on one line (for tables). */
const prose = (description: string | null | undefined) => (description ?? "").replace(REQUIRES, " ").replace(/\s+/g, " ").trim();

const cell = (text: string) => text.replace(/\|/g, "\\|");

function argumentList(args: readonly GraphQLArgument[]) {
  const withDefault = (a: GraphQLArgument) => (a.defaultValue === undefined ? "" : ` = ${String(a.defaultValue)}`);
  return args.length ? `(${args.map((a) => `${a.name}: ${String(a.type)}${withDefault(a)}`).join(", ")})` : "";
}

function argumentTable(args: readonly (GraphQLArgument | GraphQLInputField)[], heading = "argument") {
  const rows = args.map((a) => {
    const fallback = a.defaultValue === undefined ? "" : JSON.stringify(a.defaultValue);
    return `| \`${a.name}\` | \`${String(a.type)}\` | ${fallback && `\`${fallback}\``} | ${cell(prose(a.description))} |`;
  });
  return [`| ${heading} | type | default | notes |`, "|---|---|---|---|", ...rows].join("\n");
}

/** The errors an operation answers by its own rules: its permission, and the input rules its description states. */
function errorsOf(field: GraphQLField<unknown, unknown>, permission: string | null) {
  const errors = permission ? ["`UNAUTHENTICATED` when signed out", `\`FORBIDDEN\` without \`${permission}\``] : [];
  const description = field.description ?? "";
  // A stated range ("1 to 50 symbols") is enforced with BAD_USER_INPUT, and so are an input object's rules.
  const takesInput = field.args.some((a) => isInputObjectType(getNamedType(a.type)));
  if (description.includes("BAD_USER_INPUT") || /\d+ to \d+/.test(description) || takesInput) errors.push("`BAD_USER_INPUT` when an argument breaks the rules above");
  if (description.includes("NOT_FOUND") || field.args.some((a) => a.name === "userId")) errors.push("`NOT_FOUND` when the user does not exist");
  return errors;
}

function operation(field: GraphQLField<unknown, unknown>, root: string) {
  const permission = requiredPermission(field.description);
  const lines = [`### \`${field.name}${argumentList(field.args)}: ${String(field.type)}\``, "", prose(field.description), ""];
  lines.push(`- **Requires:** ${permission ? `the \`${permission}\` permission` : "nothing (public)"}`);
  const errors = errorsOf(field, permission);
  lines.push(`- **Errors:** ${errors.length ? errors.join("; ") : "only the general ones above"}`);
  lines.push("", `\`\`\`graphql\n${root === "Mutation" ? "mutation " : ""}{ ${field.name}${exampleArgs(field.args)}${selection(field)} }\n\`\`\``);
  if (field.args.length) lines.push("", argumentTable(field.args));
  return lines.join("\n");
}

const exampleValue = (arg: GraphQLArgument) => {
  const type = String(arg.type).replace(/!/g, "");
  if (type === "String" || type === "ID") return `"${arg.name === "symbol" ? "AAPL" : `<${arg.name}>`}"`;
  if (type === "[String]") return `["AAPL", "MSFT"]`;
  if (type === "Int") return "10";
  return `{ firstName: "Ada" }`;
};
const exampleArgs = (args: readonly GraphQLArgument[]) => {
  const given = args.filter((a) => String(a.type).endsWith("!"));
  return given.length ? `(${given.map((a) => `${a.name}: ${exampleValue(a)}`).join(", ")})` : "";
};
/** A selection of the result type's first two fields (nested likewise), or nothing for a scalar result. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return "";
  const first = Object.values(type.getFields()).slice(0, 2).map((f): string => `${f.name}${selection(f)}`);
  return ` { ${first.join(" ")} }`;
}

function typeSection(type: GraphQLNamedType) {
  const head = [`### ${type.name}`, ...(type.description ? ["", prose(type.description)] : [])];
  if (isObjectType(type)) {
    const rows = Object.values(type.getFields()).map((f) => {
      const permission = requiredPermission(f.description);
      const notes = [prose(f.description), permission ? `Requires \`${permission}\`.` : ""].filter(Boolean).join(" ");
      return `| \`${f.name}${argumentList(f.args)}\` | \`${String(f.type)}\` | ${cell(notes)} |`;
    });
    return [...head, "", "| field | type | notes |", "|---|---|---|", ...rows].join("\n");
  }
  if (isInputObjectType(type)) return [...head, "", argumentTable(Object.values(type.getFields()), "field")].join("\n");
  if (isEnumType(type)) return [...head, "", type.getValues().map((v) => `\`${v.name}\``).join(", ")].join("\n");
  return head.join("\n");
}

const GENERAL = `## Errors every operation can answer

A field that fails leaves \`null\` in \`data\` and an entry in \`errors\` with
\`extensions.code\`; the rest of the response still arrives. Beyond the codes listed per
operation, any request can get \`RATE_LIMITED\` (wait \`extensions.retryAfter\` seconds),
\`QUERY_TOO_COMPLEX\`, \`GRAPHQL_PARSE_FAILED\`, \`GRAPHQL_VALIDATION_FAILED\`,
\`PERSISTED_QUERY_NOT_FOUND\`, \`SERVICE_UNAVAILABLE\` (a service behind the gateway failed)
and \`INTERNAL_SERVER_ERROR\`. [errors.md](errors.md) explains each one.`;

export function renderApiReference(sdl: string): string {
  const schema = buildSchema(sdl);
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t) => t !== null && t !== undefined);
  const rootNames = new Set(roots.map((t) => t.name));
  const types = Object.values(schema.getTypeMap()).filter(
    (t) => !t.name.startsWith("__") && !rootNames.has(t.name) && !(isScalarType(t) && isSpecifiedScalarType(t)),
  );
  const sections = [
    "# GraphQL API reference",
    "",
    "<!-- Generated by `npm run api-docs` from workers/gateway/src/graphql/schema.graphql: do not edit by hand. -->",
    "",
    "One endpoint, `/graphql` on the gateway (`http://localhost:8787/graphql` under `npm run dev`),",
    "GET for queries and POST for anything. Send the access token of [auth-api.md](auth-api.md)",
    "as `Authorization: Bearer <token>`. A permission comes with a role: `member` holds",
    "`view_stocks`, `manage_own_profile`, `manage_own_watchlist` and `trade`; `admin` also holds",
    "`view_users` and `manage_roles`.",
    "",
    GENERAL,
  ];
  for (const root of roots) {
    sections.push("", `## ${root.name === "Query" ? "Queries" : "Mutations"} (\`${root.name}\`)`);
    for (const field of Object.values(root.getFields())) sections.push("", operation(field, root.name));
  }
  sections.push("", "## Types");
  for (const type of types) sections.push("", typeSection(type));
  return sections.join("\n") + "\n";
}
