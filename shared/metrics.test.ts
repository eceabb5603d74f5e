import { describe, expect, it } from "vitest";
import {
  createMetrics,
  httpOperation,
  MAX_POINTS_PER_INVOCATION,
  METRICS_SCHEMA,
  responseOutcome,
  toDataPoint,
  UNMATCHED_OPERATION,
  type DataPointSink,
} from "./metrics";

function recordingSink() {
  const points: AnalyticsEngineDataPoint[] = [];
  const sink: DataPointSink = { writeDataPoint: (point) => void points.push(point) };
  return { points, sink };
}

describe("toDataPoint", () => {
  it("lays a metric out as METRICS_SCHEMA documents it", () => {
    const point = toDataPoint("stock", {
      kind: "rpc",
      operation: "quotes",
      outcome: "ok",
      cache: "hit",
      provider: "simulated",
      colo: "FRA",
      durationMs: 12.5,
      requestBytes: 10,
      responseBytes: 20,
      status: 0,
      count: 3,
    });
    const named = Object.fromEntries([
      ["index1", point.indexes![0]],
      ...point.blobs!.map((value, i) => [`blob${i + 1}`, value]),
      ...point.doubles!.map((value, i) => [`double${i + 1}`, value]),
    ]);
    expect(Object.keys(named).sort()).toEqual(Object.keys(METRICS_SCHEMA).sort());
    expect(named).toEqual({
      index1: "stock",
      blob1: "stock",
      blob2: "rpc",
      blob3: "quotes",
      blob4: "ok",
      blob5: "hit",
      blob6: "simulated",
      blob7: "FRA",
      double1: 12.5,
      double2: 10,
      double3: 20,
      double4: 0,
      double5: 3,
    });
  });

  it("leaves absent dimensions empty and sizes zero", () => {
    expect(toDataPoint("user", { kind: "rpc", operation: "watchlist", outcome: "NOT_FOUND", durationMs: 1 })).toEqual({
      indexes: ["user"],
      blobs: ["user", "rpc", "watchlist", "NOT_FOUND", "", "", ""],
      doubles: [1, 0, 0, 0, 0],
    });
  });
});

describe("createMetrics", () => {
  it(`writes at most ${MAX_POINTS_PER_INVOCATION} points per invocation, the Analytics Engine limit`, () => {
    const { points, sink } = recordingSink();
    const metrics = createMetrics(sink, "gateway");
    for (let i = 0; i < MAX_POINTS_PER_INVOCATION + 10; i++) metrics.record({ kind: "call", operation: "x", outcome: "ok", durationMs: i });
    expect(points).toHaveLength(MAX_POINTS_PER_INVOCATION);
    createMetrics(sink, "gateway").record({ kind: "http", operation: "y", outcome: "ok", durationMs: 1 });
    expect(points).toHaveLength(MAX_POINTS_PER_INVOCATION + 1);
  });

  it("never fails the request: no binding, or a binding that throws", () => {
    expect(() => createMetrics(undefined, "auth").record({ kind: "http", operation: "a", outcome: "ok", durationMs: 1 })).not.toThrow();
    const throwing: DataPointSink = {
      writeDataPoint: () => {
        throw new Error("dataset unavailable");
      },
    };
    expect(() => createMetrics(throwing, "auth").record({ kind: "http", operation: "a", outcome: "ok", durationMs: 1 })).not.toThrow();
  });

  it("keeps a write that is an RPC call (a Worker bound in the dataset's place) alive past the invocation", async () => {
    const kept: Promise<unknown>[] = [];
    const sink: DataPointSink = { writeDataPoint: () => Promise.resolve("sent") };
    createMetrics(sink, "stock", (work) => kept.push(work)).record({ kind: "rpc", operation: "q", outcome: "ok", durationMs: 1 });
    expect(kept).toHaveLength(1);
    const { sink: plain } = recordingSink();
    createMetrics(plain, "stock", (work) => kept.push(work)).record({ kind: "rpc", operation: "q", outcome: "ok", durationMs: 1 });
    expect(kept).toHaveLength(1);
  });
});

describe("responseOutcome", () => {
  it("is ok below 400, the error code of an error body, else the status", async () => {
    expect(await responseOutcome(Response.json({ user: {} }, { status: 200 }))).toBe("ok");
    expect(await responseOutcome(Response.json({ error: { code: "INVALID_CREDENTIALS", message: "x" } }, { status: 401 }))).toBe("INVALID_CREDENTIALS");
    expect(await responseOutcome(new Response("<html>", { status: 502 }))).toBe("HTTP_502");
    expect(await responseOutcome(new Response("slow down", { status: 429 }))).toBe("RATE_LIMITED");
  });

  it("leaves the body for the client", async () => {
    const response = Response.json({ error: { code: "RATE_LIMITED" } }, { status: 429 });
    await responseOutcome(response);
    expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED" } });
  });
});

describe("httpOperation", () => {
  const routes = ["/graphql", "/auth/login"];

  it("names a route by method and path", () => {
    expect(httpOperation("POST", "/auth/login", routes)).toBe("POST /auth/login");
    expect(httpOperation("GET", "/graphql", routes)).toBe("GET /graphql");
  });

  it("gives 50 random paths, near misses included, one operation", () => {
    const paths = [
      ...Array.from({ length: 46 }, () => `/${crypto.randomUUID()}`),
      "/graphql/",
      "/GRAPHQL",
      "/auth/login/x",
      "/auth/logins",
    ];
    expect(new Set(paths.map((path) => httpOperation("GET", path, routes)))).toEqual(new Set([UNMATCHED_OPERATION]));
  });
});
