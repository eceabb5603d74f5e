/**
 * The questions of queries.ts asked of a dev session's kept data points (scripts/dev-metrics)
 * instead of the Analytics Engine SQL API: same filters, groups, columns and order. Every
 * point weighs 1 (a dev session is never sampled, so `_sample_interval` is 1).
 */
import type { METRICS_SCHEMA } from "../../shared/metrics.ts";
import type { QueryName, TimeRange } from "./queries.ts";
import type { Row } from "./sql-api.ts";

/** A data point as the dev metrics Worker keeps it; `timestamp` in ms since the epoch. */
export interface KeptPoint {
  timestamp: number;
  blobs: string[];
  doubles: number[];
}

type Column = keyof typeof METRICS_SCHEMA;
const blob = (point: KeptPoint, column: Extract<Column, `blob${number}`>) => point.blobs[Number(column.slice(4)) - 1] ?? "";
const double = (point: KeptPoint, column: Extract<Column, `double${number}`>) => point.doubles[Number(column.slice(6)) - 1] ?? 0;

/**
 * ClickHouse's quantileExactWeighted with weight 1: the smallest value whose cumulative
 * count reaches ceil(n * level).
 */
export function quantileExact(level: number, values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const threshold = Math.ceil(sorted.length * level);
  return sorted[Math.min(Math.max(threshold - 1, 0), sorted.length - 1)]!;
}

/** GROUP BY: the points of each distinct key, keyed by the first point's group columns. */
function groupBy(points: KeptPoint[], key: (point: KeptPoint) => Row): { key: Row; points: KeptPoint[] }[] {
  const groups = new Map<string, { key: Row; points: KeptPoint[] }>();
  for (const point of points) {
    const columns = key(point);
    const id = JSON.stringify(Object.values(columns));
    const group = groups.get(id) ?? groups.set(id, { key: columns, points: [] }).get(id)!;
    group.points.push(point);
  }
  return [...groups.values()];
}

/** SELECT <key columns>, COUNT(*) AS <column> ... GROUP BY <key columns> ORDER BY <column> DESC. */
function countBy(points: KeptPoint[], key: (point: KeptPoint) => Row, column = "count"): Row[] {
  return groupBy(points, key)
    .map(({ key: columns, points: group }) => ({ ...columns, [column]: group.length }))
    .sort(byDesc(column));
}

/** ORDER BY a count DESC; ties in the order of their group columns, so output is stable. */
const byDesc = (column: string) => (a: Row, b: Row) =>
  Number(b[column]) - Number(a[column]) || JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b)));

const isServed = (p: KeptPoint) => ["http", "rpc"].includes(blob(p, "blob2"));

export const localQueries: Record<QueryName, (points: KeptPoint[]) => Row[]> = {
  operations: (points) =>
    groupBy(points.filter(isServed), (p) => ({ service: blob(p, "blob1"), kind: blob(p, "blob2"), operation: blob(p, "blob3") }))
      .map(({ key, points: group }) => {
        const durations = group.map((p) => double(p, "double1"));
        return {
          ...key,
          requests: group.length,
          errors: group.filter((p) => blob(p, "blob4") !== "ok").length,
          p50_ms: quantileExact(0.5, durations),
          p95_ms: quantileExact(0.95, durations),
          p99_ms: quantileExact(0.99, durations),
        };
      })
      .sort(byDesc("requests"))
      .slice(0, 100),
  errors: (points) =>
    countBy(
      points.filter((p) => ["http", "rpc", "call"].includes(blob(p, "blob2")) && blob(p, "blob4") !== "ok"),
      (p) => ({ service: blob(p, "blob1"), code: blob(p, "blob4") }),
    ).slice(0, 100),
  cache: (points) =>
    countBy(
      points.filter((p) => blob(p, "blob1") === "stock" && blob(p, "blob2") === "rpc" && blob(p, "blob5") !== ""),
      (p) => ({ cache: blob(p, "blob5") }),
    ),
  providers: (points) =>
    countBy(
      points.filter((p) => blob(p, "blob2") === "provider"),
      (p) => ({ provider: blob(p, "blob6"), operation: blob(p, "blob3") }),
      "failures",
    ),
  logins: (points) =>
    countBy(
      points.filter((p) => blob(p, "blob1") === "auth" && blob(p, "blob2") === "http" && blob(p, "blob3") === "POST /auth/login"),
      (p) => ({ outcome: blob(p, "blob4") }),
    ),
  rateLimited: (points) => countBy(points.filter((p) => blob(p, "blob4") === "RATE_LIMITED"), (p) => ({ service: blob(p, "blob1") })),
};

/** Every query over the points of the range (from inclusive, to exclusive, as in SQL). */
export function runLocalQueries(points: KeptPoint[], { from, to }: TimeRange): Record<QueryName, Row[]> {
  const inRange = points.filter((p) => p.timestamp >= from.getTime() && p.timestamp < to.getTime());
  return Object.fromEntries(Object.entries(localQueries).map(([name, query]) => [name, query(inRange)])) as Record<QueryName, Row[]>;
}
