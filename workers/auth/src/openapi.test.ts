import { describe, expect, it } from "vitest";
import { AUTH_ROUTES } from "../../../shared/auth-routes";
import { bearer, createAccount, signedIn, testApp } from "../test/fixtures";

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
}
interface Operation {
  security?: unknown[];
  requestBody?: { required: boolean; content: { "application/json": { schema: JsonSchema; example: Record<string, unknown> } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: { $ref: string } } } }>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

const { app, clock, call } = testApp();
const document = async () => (await call("/auth/openapi.json")).json<Document>();

/** The app's own routes (hono's table, middleware left out), as "METHOD path". */
const liveRoutes = () => new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
const documentedRoutes = (doc: Document) =>
  new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)));

/** Bodies the schema refuses: each required field left out, each field of the wrong type or length. */
function invalidBodies(schema: JsonSchema, example: Record<string, unknown>): [string, Record<string, unknown>][] {
  const bodies: [string, Record<string, unknown>][] = [];
  for (const field of schema.required ?? []) {
    const { [field]: _left, ...rest } = example;
    bodies.push([`without ${field}`, rest]);
  }
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    bodies.push([`${field} of the wrong type`, { ...example, [field]: property.type === "string" ? 42 : "not a " + property.type }]);
    if (property.maxLength !== undefined) bodies.push([`${field} too long`, { ...example, [field]: "x".repeat(property.maxLength + 1) }]);
    if (property.minLength) bodies.push([`${field} too short`, { ...example, [field]: "x".repeat(property.minLength - 1) }]);
  }
  return bodies;
}

describe("GET /auth/openapi.json", () => {
  it("is an OpenAPI 3.1 document whose every reference resolves", async () => {
    const response = await call("/auth/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = await document();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(doc.components.schemas).toHaveProperty(JSON.parse(r).slice("#/components/schemas/".length));
    for (const operation of Object.values(doc.paths).flatMap(Object.values)) {
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      for (const status of Object.keys(operation.responses)) expect(status).toMatch(/^[1-5]\d\d$/);
      for (const scheme of operation.security ?? []) for (const name of Object.keys(scheme as object)) expect(doc.components.securitySchemes).toHaveProperty(name);
    }
  });

  it("documents exactly the app's routes with their methods, and the route table agrees", async () => {
    const doc = await document();
    expect(documentedRoutes(doc)).toEqual(liveRoutes());
    const table = new Set(Object.entries(AUTH_ROUTES).flatMap(([path, methods]) => methods.map((m) => `${m} ${path}`)));
    expect(table).toEqual(liveRoutes());
  });

  const bodyRoutes = ["/auth/register", "/auth/login", "/auth/refresh", "/auth/logout", "/auth/password", "/auth/account"];

  it("documents a request body for exactly the routes that read one", async () => {
    const doc = await document();
    const withBody = Object.entries(doc.paths).filter(([, ops]) => Object.values(ops).some((op) => op.requestBody));
    expect(withBody.map(([path]) => path).sort()).toEqual([...bodyRoutes].sort());
  });

  // A fresh account for each signed-in call: account changes are limited per account before the body is read.
  const signedInHeaders = async () => bearer((await signedIn(await createAccount(), clock.ms)).accessToken);

  it.each(bodyRoutes)("documents the body of %s as the live route validates it: the example passes, each broken variant is a 400", async (path) => {
    const doc = await document();
    const [method, op] = Object.entries(doc.paths[path]!).find(([, o]) => o.requestBody)!;
    const { schema, example } = op.requestBody!.content["application/json"];
    const send = async (json: unknown) => call(path, { method: method.toUpperCase(), json, headers: op.security ? await signedInHeaders() : {} });
    expect(Object.keys(example).every((field) => field in (schema.properties ?? {})), "the example's fields are documented").toBe(true);
    const requiredOnly = Object.fromEntries((schema.required ?? []).map((field) => [field, example[field]]));
    for (const [label, valid] of [["the example", example], ["the required fields only", requiredOnly]] as const) {
      const response = await send(valid);
      expect(response.status, `${label}: ${await response.clone().text()}`).not.toBe(400);
    }
    const invalid = invalidBodies(schema, example);
    expect(invalid.length).toBeGreaterThan(0);
    for (const [label, json] of invalid) {
      const response = await send(json);
      expect(response.status, label).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
    }
  }, 30_000);
});
