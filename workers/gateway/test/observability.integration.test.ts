/**
 * Observability of the real platform: the Analytics Engine data points each Worker writes
 * through its own METRICS binding (pointed at a recorder Worker, since miniflare's local
 * dataset keeps nothing), and the request id on every log line of one GraphQL request.
 *
 * Yahoo is the first quote provider and answers 503 (MSW in Node, where the harness sends
 * the Workers' outbound fetches), so quotes come from the simulated provider after a
 * provider failure.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { YAHOO_BASE_URL } from "../../stock/src/providers/yahoo.ts";
import { recordedMetrics, startPlatform, type Platform, type RecordedMetrics } from "../../../scripts/testing/platform.ts";
import { graphql, signUp, type SignedIn } from "./support/graphql-client.ts";
import { subscribe } from "./support/sse.ts";

const yahoo = setupServer(http.all(`${YAHOO_BASE_URL}/*`, () => new HttpResponse(null, { status: 503 })));

let platform: Platform;
let recorder: RecordedMetrics;
let member: SignedIn;

beforeAll(async () => {
  yahoo.listen();
  platform = await startPlatform({ recordMetrics: true, vars: { stock: { QUOTE_PROVIDERS: "yahoo,simulated" } } });
  recorder = await recordedMetrics(platform);
  member = await signUp(platform, "observed");
});
afterAll(async () => {
  await platform?.stop();
  yahoo.close();
});

interface Point {
  service: string;
  kind: string;
  operation: string;
  outcome: string;
  cache: string;
  provider: string;
  durationMs: number;
  status: number;
  count: number;
}

/** The recorded points, named by the schema of shared/metrics.ts. */
async function points(): Promise<Point[]> {
  return (await recorder.points()).map(({ indexes, blobs, doubles }) => {
    expect(indexes).toEqual([blobs[0]]);
    const [service = "", kind = "", operation = "", outcome = "", cache = "", provider = ""] = blobs;
    return { service, kind, operation, outcome, cache, provider, durationMs: doubles[0] ?? NaN, status: doubles[3] ?? NaN, count: doubles[4] ?? NaN };
  });
}

/** Waits for the points the Workers write without awaiting. */
async function pointsMatching(expected: Partial<Point>[]): Promise<Point[]> {
  return vi.waitFor(
    async () => {
      const all = await points();
      for (const one of expected) expect(all).toContainEqual(expect.objectContaining(one));
      return all;
    },
    { timeout: 5_000, interval: 50 },
  );
}

interface LogLine {
  service?: string;
  requestId?: string;
  message?: string;
}

function logLines(): LogLine[] {
  return platform.harness.getLogs().flatMap((log) => {
    try {
      return [JSON.parse(log.message) as LogLine];
    } catch {
      return [];
    }
  });
}

describe("one request id across the platform", () => {
  // First authenticated request of the session: the gateway fetches auth's JWKS for it.
  it("stamps every log line of a GraphQL request (gateway, auth, security, user, stock) with its id", async () => {
    platform.harness.clearLogs();
    const requestId = "trace-me-and-a-quote-0001";
    const response = await graphql(platform, '{ me { permissions profile { firstName } } stock(symbol: "MSFT") { quote { price } } }', {
      token: member.token,
      requestId,
    });
    expect(response.errors).toBeUndefined();
    const lines = await vi.waitFor(() => {
      const found = logLines();
      expect(new Set(found.map((l) => l.service))).toEqual(new Set(["gateway", "auth", "security", "user", "stock"]));
      return found;
    });
    expect(lines.filter((l) => l.requestId !== requestId)).toEqual([]);
    expect(lines.filter((l) => l.message === "request").map((l) => l.service).sort()).toEqual(["auth", "gateway"]);
    expect(lines.filter((l) => l.message === "rpc served").map((l) => l.service).sort()).toEqual(
      expect.arrayContaining(["security", "stock", "user"]),
    );
  });
});

describe("Analytics Engine data points, as written to each Worker's METRICS binding", () => {
  it("a successful query: the gateway's request and calls, the callee's RPC, a cache miss after a provider failure", async () => {
    await recorder.clear();
    const response = await graphql(platform, 'query Quote { stock(symbol: "AAPL") { quote { price source } } }', { token: member.token });
    expect(response.data).toMatchObject({ stock: { quote: { source: "simulated" } } });
    const all = await pointsMatching([
      { service: "gateway", kind: "http", operation: "query Quote", outcome: "ok", status: 200 },
      { service: "gateway", kind: "call", operation: "stock.quotes", outcome: "ok" },
      { service: "stock", kind: "rpc", operation: "quotes", outcome: "ok", cache: "miss", provider: "simulated" },
      { service: "stock", kind: "provider", operation: "quotes", outcome: "PROVIDER_FAILED", provider: "yahoo" },
    ]);
    const request = all.find((p) => p.kind === "http")!;
    expect(request.durationMs).toBeGreaterThan(0);
    expect(all.filter((p) => p.service === "gateway" && p.kind === "http")).toHaveLength(1);
  });

  it("a cache hit: the same quote again within the freshness window", async () => {
    await graphql(platform, '{ stock(symbol: "NVDA") { quote { price } } }', { token: member.token });
    await pointsMatching([{ service: "stock", kind: "rpc", operation: "quotes", cache: "miss" }]);
    await recorder.clear();
    await graphql(platform, '{ stock(symbol: "NVDA") { quote { price } } }', { token: member.token });
    const all = await pointsMatching([
      { service: "gateway", kind: "http", operation: "query stock", outcome: "ok" },
      { service: "stock", kind: "rpc", operation: "quotes", outcome: "ok", cache: "hit" },
    ]);
    expect(all.filter((p) => p.kind === "provider")).toEqual([]);
  });

  it("a live stream: opened with the isolate's open streams, the feed's fan-out per symbol, ended with why, how long and how many events", async () => {
    await recorder.clear();
    const stream = await subscribe(platform, 'subscription { quotes(symbols: ["MSFT"]) { symbol } }', { token: member.token });
    await stream.waitForEvents(1);
    stream.close();
    const all = await pointsMatching([
      { service: "gateway", kind: "stream", operation: "quotes", outcome: "opened" },
      { service: "stock", kind: "feed", operation: "MSFT", outcome: "ok" },
      { service: "gateway", kind: "stream", operation: "quotes", outcome: "client" },
    ]);
    const counts = (kind: string, outcome: string) => all.filter((p) => p.kind === kind && p.outcome === outcome).map((p) => p.count);
    expect({ opened: counts("stream", "opened"), fanOut: counts("feed", "ok"), eventsSent: counts("stream", "client") }).toEqual({ opened: [1], fanOut: [1], eventsSent: [1] });
  });

  it("a FORBIDDEN query: the gateway's request carries the code", async () => {
    await recorder.clear();
    const response = await graphql(platform, "query Everyone { users { edges { cursor } } }", { token: member.token });
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await pointsMatching([{ service: "gateway", kind: "http", operation: "query Everyone", outcome: "FORBIDDEN", status: 200 }]);
  });

  it("a path scanner's 50 unknown paths: under /auth/* one operation per Worker; elsewhere the web app's page, no Worker run", async () => {
    await recorder.clear();
    const paths = Array.from({ length: 50 }, (_, i) => `${i % 2 ? "/auth" : ""}/scan-${crypto.randomUUID()}`);
    for (const path of paths) {
      const response = await platform.fetch(path);
      // The gateway's Worker runs first only for /graphql and /auth/* (run_worker_first); the
      // asset server answers every other path with the app, whose router says "Page not found".
      expect([path, response.status, response.headers.get("content-type")?.split(";")[0]]).toEqual(
        path.startsWith("/auth/") ? [path, 404, "application/json"] : [path, 200, "text/html"],
      );
      await response.arrayBuffer();
    }
    const scanned = await vi.waitFor(
      async () => {
        const http = (await points()).filter((p) => p.kind === "http");
        expect(http.filter((p) => p.service === "gateway")).toHaveLength(25);
        expect(http.filter((p) => p.service === "auth")).toHaveLength(25);
        return http;
      },
      { timeout: 5_000, interval: 50 },
    );
    expect(new Set(scanned.map((p) => `${p.service} ${p.operation}`))).toEqual(new Set(["gateway unmatched", "auth unmatched"]));
  });

  it("logins and failed logins at auth and at the gateway that forwarded them, by route and code", async () => {
    await recorder.clear();
    const login = (password: string) =>
      platform.fetch("/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: member.email, password }),
      });
    expect((await login("a long unusual passphrase 42")).status).toBe(200);
    const refused = await login("not the passphrase at all");
    const { error } = (await refused.json()) as { error: { code: string } };
    await pointsMatching([
      { service: "auth", kind: "http", operation: "POST /auth/login", outcome: "ok", status: 200 },
      { service: "auth", kind: "http", operation: "POST /auth/login", outcome: error.code, status: refused.status },
      { service: "gateway", kind: "http", operation: "POST /auth/login", outcome: error.code, status: refused.status },
    ]);
  });
});
