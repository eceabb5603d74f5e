import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadAuthConfig } from "./config";
import { mainExport } from "../../../shared/testing/main-export";
import type AuthService from "./index";

const worker = mainExport<Service<AuthService>>();

describe("auth HTTP surface", () => {
  it("serves the public signing keys, never the private part", async () => {
    const response = await worker.fetch("http://auth.test/auth/.well-known/jwks.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const { keys } = await response.json<{ keys: Record<string, string>[] }>();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kid: "test-key", kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(keys[0]).not.toHaveProperty("d");
  });

  it("answers unknown routes with the contract's error body and a request id", async () => {
    const response = await worker.fetch("http://auth.test/auth/nope", { method: "POST" });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "No such route." } });
  });

  it("reports healthy over RPC", async () => {
    const report = await worker.health({ requestId: "test-request-0001" });
    expect(report).toMatchObject({ service: "auth", ok: true });
  });
});

describe("auth configuration", () => {
  it("names a missing signing key and where to set it", () => {
    const { JWT_PRIVATE_KEY: _, ...rest } = env;
    expect(() => loadAuthConfig({ ...rest })).toThrow(/JWT_PRIVATE_KEY is missing.*wrangler secret put JWT_PRIVATE_KEY/);
  });

  it("rejects a public key where the private signing key belongs", () => {
    const { d: _, ...publicOnly } = JSON.parse(env.JWT_PRIVATE_KEY) as Record<string, string>;
    expect(() => loadAuthConfig({ ...env, JWT_PRIVATE_KEY: JSON.stringify(publicOnly) })).toThrow(/JWT_PRIVATE_KEY/);
  });

  it("rejects a key that is not JSON", () => {
    expect(() => loadAuthConfig({ ...env, JWT_PRIVATE_KEY: "not json" })).toThrow(/JWT_PRIVATE_KEY is malformed/);
  });

  it("lists the previous key during a rotation", async () => {
    const { d: _, ...previous } = JSON.parse(env.JWT_PRIVATE_KEY) as Record<string, string>;
    const config = loadAuthConfig({ ...env, JWT_PREVIOUS_PUBLIC_KEY: JSON.stringify({ ...previous, kid: "old-key" }) });
    expect(config.JWT_PREVIOUS_PUBLIC_KEY?.kid).toBe("old-key");
  });
});
