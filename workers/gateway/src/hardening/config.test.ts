import { describe, expect, it } from "vitest";
import { loadGatewayConfig } from "../config";
import { graphiqlEnabled, introspectionEnabled, rateLimitsEnabled } from "./config";

const base = { LOG_LEVEL: "info", CORS_ORIGINS: "", JWT_ISSUER: "https://fafnir.dev/auth", JWT_AUDIENCE: "fafnir-api" };

describe("hardening configuration", () => {
  it("has production-worthy defaults", () => {
    expect(loadGatewayConfig({ ...base, ENVIRONMENT: "production" })).toMatchObject({
      GRAPHQL_MAX_BODY_BYTES: 102_400,
      GRAPHQL_MAX_DEPTH: 10,
      GRAPHQL_MAX_ALIASES: 30,
      GRAPHQL_MAX_DIRECTIVES: 50,
      GRAPHQL_MAX_TOKENS: 2_000,
      GRAPHQL_MAX_COST: 5_000_000,
      GRAPHQL_PERSISTED_QUERIES: "automatic",
    });
  });

  it("turns introspection and GraphiQL off in production unless set", () => {
    const production = loadGatewayConfig({ ...base, ENVIRONMENT: "production" });
    expect([introspectionEnabled(production), graphiqlEnabled(production)]).toEqual([false, false]);
    const development = loadGatewayConfig({ ...base, ENVIRONMENT: "development" });
    expect([introspectionEnabled(development), graphiqlEnabled(development)]).toEqual([true, true]);
    const opened = loadGatewayConfig({ ...base, ENVIRONMENT: "production", GRAPHQL_INTROSPECTION: "true", GRAPHIQL: "true" });
    expect([introspectionEnabled(opened), graphiqlEnabled(opened)]).toEqual([true, true]);
    const closed = loadGatewayConfig({ ...base, ENVIRONMENT: "test", GRAPHQL_INTROSPECTION: "false", GRAPHIQL: "false" });
    expect([introspectionEnabled(closed), graphiqlEnabled(closed)]).toEqual([false, false]);
  });

  it("enforces rate limits except under ENVIRONMENT=test, unless set", () => {
    const on = (vars: Record<string, string>) => rateLimitsEnabled(loadGatewayConfig({ ...base, ...vars }));
    expect(on({ ENVIRONMENT: "production" })).toBe(true);
    expect(on({ ENVIRONMENT: "development" })).toBe(true);
    expect(on({ ENVIRONMENT: "test" })).toBe(false);
    expect(on({ ENVIRONMENT: "test", RATE_LIMITS: "true" })).toBe(true);
    expect(on({ ENVIRONMENT: "production", RATE_LIMITS: "false" })).toBe(false);
  });

  it("names a malformed limit or mode", () => {
    expect(() => loadGatewayConfig({ ...base, ENVIRONMENT: "test", GRAPHQL_MAX_DEPTH: "ten" })).toThrow(
      /GRAPHQL_MAX_DEPTH is malformed/,
    );
    expect(() => loadGatewayConfig({ ...base, ENVIRONMENT: "test", GRAPHQL_MAX_TOKENS: "0" })).toThrow(
      /GRAPHQL_MAX_TOKENS is malformed/,
    );
    expect(() => loadGatewayConfig({ ...base, ENVIRONMENT: "test", GRAPHQL_PERSISTED_QUERIES: "strict" })).toThrow(
      /GRAPHQL_PERSISTED_QUERIES is malformed/,
    );
    expect(() => loadGatewayConfig({ ...base, ENVIRONMENT: "test", GRAPHIQL: "yes" })).toThrow(/GRAPHIQL is malformed/);
  });
});
