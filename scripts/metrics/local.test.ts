import { describe, expect, it } from "vitest";
import { toDataPoint, type MetricPoint } from "../../shared/metrics.ts";
import { answerLocally, quantileExact, type KeptPoint } from "./local.ts";
import { count, share } from "./question.ts";
import { answerAll, TABLES } from "./report.ts";

const start = new Date("2026-11-24T07:00:00Z").getTime();
const inside = start + 60_000;

/** A point as a Worker would write it (shared/metrics.ts), kept at `timestamp`. */
function kept(service: string, point: Partial<MetricPoint>, timestamp = inside): KeptPoint {
  const { blobs, doubles } = toDataPoint(service, { kind: "http", operation: "query me", outcome: "ok", durationMs: 1, ...point });
  return { timestamp, blobs, doubles };
}

const times = (n: number, make: (i: number) => KeptPoint) => Array.from({ length: n }, (_, i) => make(i));

describe("quantileExact (ClickHouse's quantileExactWeighted, weight 1)", () => {
  const values = [1, 1, 1, 10, 10, 10, 10, 100, 100, 100];

  it("is the smallest value whose cumulative count reaches ceil(n * level)", () => {
    expect(quantileExact(0.5, values)).toBe(10);
    expect(quantileExact(0.5, [...values].reverse())).toBe(10);
    expect(quantileExact(0.3, values)).toBe(1);
    expect(quantileExact(0.31, values)).toBe(10);
    expect(quantileExact(0.99, values)).toBe(100);
    expect(quantileExact(0, values)).toBe(1);
    expect(quantileExact(0.95, [7])).toBe(7);
  });

  it("p50/p95/p99 of 1..100 ms", () => {
    const ms = times(100, (i) => kept("gateway", { durationMs: 100 - i })).map((p) => p.doubles[0]!);
    expect([0.5, 0.95, 0.99].map((level) => quantileExact(level, ms))).toEqual([50, 95, 99]);
  });
});

describe("the report's questions over kept points", async () => {
  const points = [
    ...times(100, (i) => kept("gateway", { operation: "query me", outcome: i < 4 ? "UNAUTHENTICATED" : "ok", durationMs: i + 1, status: 200 })),
    kept("gateway", { kind: "call", operation: "stock.quotes", outcome: "SERVICE_UNAVAILABLE" }),
    ...times(3, () => kept("stock", { kind: "rpc", operation: "quotes", cache: "hit", provider: "simulated" })),
    kept("stock", { kind: "rpc", operation: "quotes", cache: "miss", provider: "simulated" }),
    kept("stock", { kind: "rpc", operation: "instruments" }),
    ...times(2, () => kept("stock", { kind: "provider", operation: "quotes", outcome: "PROVIDER_FAILED", provider: "yahoo" })),
    kept("auth", { operation: "POST /auth/login", outcome: "ok", status: 200 }),
    ...times(2, () => kept("auth", { operation: "POST /auth/login", outcome: "INVALID_CREDENTIALS", status: 401 })),
    kept("gateway", { operation: "mutation Watch", outcome: "RATE_LIMITED", status: 429 }),
  ];
  const results = await answerAll((question) => answerLocally(question, points));

  it("requests per service and operation, by count, with errors and percentiles", () => {
    expect(results.operations[0]).toEqual({ service: "gateway", kind: "http", operation: "query me", requests: 100, errors: 4, p50_ms: 50, p95_ms: 95, p99_ms: 99 });
    expect(results.operations.map((r) => [r.service, r.operation, r.requests])).toEqual([
      ["gateway", "query me", 100],
      ["stock", "quotes", 4],
      ["auth", "POST /auth/login", 3],
      ["gateway", "mutation Watch", 1],
      ["stock", "instruments", 1],
    ]);
  });

  it("errors by service and code, calls included, provider failures not", () => {
    expect(results.errors).toEqual([
      { service: "gateway", code: "UNAUTHENTICATED", count: 4 },
      { service: "auth", code: "INVALID_CREDENTIALS", count: 2 },
      { service: "gateway", code: "RATE_LIMITED", count: 1 },
      { service: "gateway", code: "SERVICE_UNAVAILABLE", count: 1 },
    ]);
  });

  it("cache outcomes, provider failures, logins and rate-limited requests", () => {
    expect(results.cache).toEqual([{ cache: "hit", count: 3 }, { cache: "miss", count: 1 }]);
    expect(results.providers).toEqual([{ provider: "yahoo", operation: "quotes", failures: 2 }]);
    expect(results.logins).toEqual([{ outcome: "INVALID_CREDENTIALS", count: 2 }, { outcome: "ok", count: 1 }]);
    expect(results.rateLimited).toEqual([{ service: "gateway", count: 1 }]);
  });

  it("keeps the first rows up to the limit", () => {
    expect(answerLocally({ ...TABLES.operations.question, limit: 2 }, points).map((r) => r.operation)).toEqual(["query me", "quotes"]);
  });

  it("answers nothing without points", async () => {
    expect(Object.values(await answerAll((question) => answerLocally(question, []))).flat()).toEqual([]);
  });
});

describe("time buckets and shares (the dashboard's questions)", () => {
  const minute = 60_000;
  const points = [
    kept("auth", { operation: "POST /auth/login" }, start + 9 * minute),
    kept("auth", { operation: "POST /auth/login", outcome: "INVALID_CREDENTIALS" }, start + 2 * minute),
    kept("auth", { operation: "POST /auth/login" }, start + 4 * minute + 59_999),
    kept("auth", { operation: "POST /auth/login" }, start + 5 * minute),
  ];

  it("groups by toStartOfInterval, in time order", () => {
    const question = { where: {}, everyMinutes: 5, measures: { logins: count({ outcome: "ok" }), failed: count({ outcome: { not: "ok" } }) } };
    expect(answerLocally(question, points)).toEqual([
      { t: "2026-11-24T07:00:00.000Z", logins: 1, failed: 1 },
      { t: "2026-11-24T07:05:00.000Z", logins: 2, failed: 0 },
    ]);
  });

  it("a share is the matching part of all points, one row without groups", () => {
    expect(answerLocally({ where: {}, measures: { ok_rate: share({ outcome: "ok" }) } }, points)).toEqual([{ ok_rate: 0.75 }]);
  });
});
