import { beforeAll, describe, expect, it } from "vitest";
import { mainExport } from "../../../../shared/testing/main-export";

const worker = mainExport<Fetcher>();

// In a unit project the internal Workers do not run: every binding fails (see
// scripts/testing/worker-project.ts), which is how a degraded platform looks.
const post = (body: unknown) =>
  worker.fetch("http://gateway.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify(body),
  });

interface GraphQLResult {
  data?: { health?: { status: string; services: { name: string; ok: boolean; latencyMs: number }[] } };
  errors?: { message: string; extensions?: { code?: string } }[];
}

// Loading the Worker (schema, yoga) is the slow part of the first request: do it outside the tests' time.
beforeAll(() => worker.fetch("http://gateway.test/nowhere"), 30_000);

describe("GraphQL endpoint", () => {
  it("reports degraded health, naming each service that failed, without failing the query", async () => {
    const response = await post({ query: "{ health { status services { name ok latencyMs } } }" });
    expect(response.status).toBe(200);
    const { data, errors } = await response.json<GraphQLResult>();
    expect(errors).toBeUndefined();
    expect(data?.health?.status).toBe("degraded");
    expect(data?.health?.services).toEqual([
      { name: "gateway", ok: true, latencyMs: expect.any(Number) },
      { name: "auth", ok: false, latencyMs: expect.any(Number) },
      { name: "security", ok: false, latencyMs: expect.any(Number) },
      { name: "user", ok: false, latencyMs: expect.any(Number) },
      { name: "stock", ok: false, latencyMs: expect.any(Number) },
      { name: "trading", ok: false, latencyMs: expect.any(Number) },
    ]);
  });

  it("answers a document that does not parse with GRAPHQL_PARSE_FAILED, not a 500", async () => {
    const response = await post({ query: "{" });
    expect(response.status).toBe(400);
    const { errors } = await response.json<GraphQLResult>();
    expect(errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers an unknown field with GRAPHQL_VALIDATION_FAILED", async () => {
    const response = await post({ query: "{ nope }" });
    expect(response.status).toBe(400);
    const { errors } = await response.json<GraphQLResult>();
    expect(errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("serves GraphiQL to a browser outside production", async () => {
    const response = await worker.fetch("http://gateway.test/graphql", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("GraphiQL");
  });

  it("stamps every response with a request id", async () => {
    const response = await worker.fetch("http://gateway.test/nowhere");
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
