import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const graphql = (query: string) =>
  platform.fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query }),
  });

describe("the platform, five real Workers together", () => {
  it("reports every service healthy through real bindings", async () => {
    const response = await graphql("{ health { status services { name ok latencyMs } } }");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    const { data } = (await response.json()) as { data: { health: { status: string; services: { name: string; ok: boolean; latencyMs: number }[] } } };
    expect(data.health.status).toBe("ok");
    expect(data.health.services.map((s) => s.name)).toEqual(["gateway", "auth", "security", "user", "stock", "trading"]);
    for (const service of data.health.services) {
      expect(service.ok).toBe(true);
      expect(service.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it("carries the caller's request id through the gateway and back", async () => {
    const response = await platform.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "integration-req-0001" },
      body: JSON.stringify({ query: "{ health { status } }" }),
    });
    expect(response.headers.get("x-request-id")).toBe("integration-req-0001");
  });

  it("serves the auth API at /auth/* through the gateway", async () => {
    const viaGateway = await platform.fetch("/auth/.well-known/jwks.json");
    const direct = await platform.worker("auth").fetch("http://auth.internal/auth/.well-known/jwks.json");
    expect(viaGateway.status).toBe(200);
    expect(viaGateway.headers.get("cache-control")).toBe(direct.headers.get("cache-control"));
    const keys = (await viaGateway.json()) as { keys: { kid: string }[] };
    expect(keys).toEqual(await direct.json());
    expect(keys.keys[0]?.kid).toBe("integration-key");
  });

  it("answers an unknown auth route with the auth contract's error", async () => {
    const response = await platform.fetch("/auth/no-such-route", { method: "DELETE" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "No such route." } });
  });

  it("reaches internal Workers only through bindings: their fetch answers 404", async () => {
    for (const name of ["security", "user", "stock"] as const) {
      const response = await platform.worker(name).fetch("http://internal/");
      expect(response.status).toBe(404);
    }
  });
});
