/**
 * Questions (question.ts) answered over a dev session's kept data points (scripts/dev-metrics)
 * with the semantics of their Analytics Engine SQL (ae-sql.ts): same filters, groups,
 * columns, order and limit. Every point weighs 1: a dev session is never sampled.
 */
import { columnOf, groupColumns, type BlobField, type Filter, type Measure, type Question } from "./question.ts";
import type { Row } from "./sql-api.ts";

/** A data point as the dev metrics Worker keeps it; `timestamp` in ms since the epoch. */
export interface KeptPoint {
  timestamp: number;
  blobs: string[];
  doubles: number[];
}

/** blob3 → 2: where a column's value sits in the kept arrays. */
const position = (column: string) => Number(/\d+$/.exec(column)![0]) - 1;
const blob = (point: KeptPoint, field: BlobField) => point.blobs[position(columnOf(field))] ?? "";

/**
 * ClickHouse's quantileExactWeighted with weight 1: the smallest value whose cumulative
 * count reaches ceil(n * level).
 */
export function quantileExact(level: number, values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const threshold = Math.ceil(sorted.length * level);
  return sorted[Math.min(Math.max(threshold - 1, 0), sorted.length - 1)]!;
}

function matches(point: KeptPoint, filter: Filter): boolean {
  return Object.entries(filter).every(([field, test]) => {
    const value = blob(point, field as BlobField);
    if (typeof test === "string") return value === test;
    if ("not" in test) return value !== test.not;
    return test.includes(value);
  });
}

function aggregate(measure: Measure, points: KeptPoint[]): number {
  if ("count" in measure) return points.filter((p) => matches(p, measure.count)).length;
  if ("share" in measure) return points.filter((p) => matches(p, measure.share)).length / points.length;
  const index = position(columnOf(measure.of));
  return quantileExact(measure.quantile, points.map((p) => p.doubles[index] ?? 0));
}

/** toStartOfInterval, as an ISO time. */
const bucketOf = (timestamp: number, minutes: number) => new Date(timestamp - (timestamp % (minutes * 60_000))).toISOString();

/** The group columns of a point: `t` first when bucketed, then `by`. */
function groupOf(question: Question, point: KeptPoint): Row {
  const t: Row = question.everyMinutes ? { t: bucketOf(point.timestamp, question.everyMinutes) } : {};
  return { ...t, ...Object.fromEntries(Object.entries(question.by ?? {}).map(([alias, field]) => [alias, blob(point, field)])) };
}

/** ORDER BY t, top DESC; remaining ties by the group columns, so output is stable. */
function order(question: Question) {
  const text = (row: Row) => JSON.stringify(groupColumns(question).map((c) => row[c]));
  return (a: Row, b: Row) =>
    (question.everyMinutes ? String(a.t).localeCompare(String(b.t)) : 0) ||
    (question.top ? Number(b[question.top]) - Number(a[question.top]) : 0) ||
    text(a).localeCompare(text(b));
}

/** The rows the question's SQL would answer for these points (already within its range). */
export function answerLocally(question: Question, points: KeptPoint[]): Row[] {
  const groups = new Map<string, { columns: Row; points: KeptPoint[] }>();
  for (const point of points.filter((p) => matches(p, question.where))) {
    const columns = groupOf(question, point);
    const id = JSON.stringify(Object.values(columns));
    const group = groups.get(id) ?? groups.set(id, { columns, points: [] }).get(id)!;
    group.points.push(point);
  }
  const rows = [...groups.values()].map(({ columns, points: group }) => ({
    ...columns,
    ...Object.fromEntries(Object.entries(question.measures).map(([alias, measure]) => [alias, aggregate(measure, group)])),
  }));
  return rows.sort(order(question)).slice(0, question.limit ?? rows.length);
}
