import { describe, expect, it } from "vitest";
import { loadGatewayConfig } from "./config";

const base = { ENVIRONMENT: "development", LOG_LEVEL: "info", JWT_ISSUER: "https://fafnir.dev/auth", JWT_AUDIENCE: "fafnir-api" };

describe("gateway configuration", () => {
  it("parses the CORS allow-list", () => {
    const config = loadGatewayConfig({ ...base, CORS_ORIGINS: "https://app.example.com, http://localhost:5173" });
    expect(config.CORS_ORIGINS).toEqual(["https://app.example.com", "http://localhost:5173"]);
  });

  it("names a malformed origin", () => {
    expect(() => loadGatewayConfig({ ...base, CORS_ORIGINS: "app.example.com" })).toThrow(/CORS_ORIGINS.*malformed/);
  });

  it("names an unknown environment", () => {
    expect(() => loadGatewayConfig({ ...base, ENVIRONMENT: "staging" })).toThrow(/ENVIRONMENT is malformed/);
  });
});
