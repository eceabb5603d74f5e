/**
 * The report `npm run metrics` prints: one table per question, whichever backend answers
 * (ae-sql.ts remotely, local.ts for a dev session). scripts/grafana/dashboard.ts asks the
 * same questions.
 */
import { count, quantile, type Filter, type Question, type TimeRange } from "./question.ts";
import type { Row } from "./sql-api.ts";
import { formatTable } from "./table.ts";

/** Requests a Worker answered and RPC methods it served. */
export const SERVED: Filter = { kind: ["http", "rpc"] };
/** The stock Worker's quote lookups that went through its cache. */
export const CACHED_QUOTES: Filter = { service: "stock", kind: "rpc", cache: { not: "" } };
export const LOGINS: Filter = { service: "auth", kind: "http", operation: "POST /auth/login" };
const FAILED: Filter = { outcome: { not: "ok" } };

/** Each table's title and question, in the order the report prints them. */
export const TABLES = {
  operations: {
    title: "Requests per service and operation",
    question: {
      where: SERVED,
      by: { service: "service", kind: "kind", operation: "operation" },
      measures: { requests: count(), errors: count(FAILED), p50_ms: quantile(0.5), p95_ms: quantile(0.95), p99_ms: quantile(0.99) },
      top: "requests",
      limit: 100,
    },
  },
  errors: {
    title: "Errors by code",
    question: { where: { kind: ["http", "rpc", "call"], ...FAILED }, by: { service: "service", code: "outcome" }, measures: { count: count() }, top: "count", limit: 100 },
  },
  cache: { title: "Quote cache", question: { where: CACHED_QUOTES, by: { cache: "cache" }, measures: { count: count() }, top: "count" } },
  providers: {
    title: "Provider failures",
    question: { where: { kind: "provider" }, by: { provider: "provider", operation: "operation" }, measures: { failures: count() }, top: "failures" },
  },
  logins: { title: "Logins", question: { where: LOGINS, by: { outcome: "outcome" }, measures: { count: count() }, top: "count" } },
  rateLimited: { title: "Rate-limited requests", question: { where: { outcome: "RATE_LIMITED" }, by: { service: "service" }, measures: { count: count() }, top: "count" } },
} satisfies Record<string, { title: string; question: Question }>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Every table's rows, each from `answer` (one backend). */
export async function answerAll(answer: (question: Question) => Row[] | Promise<Row[]>): Promise<Record<TableName, Row[]>> {
  const rows = await Promise.all(TABLE_NAMES.map((name) => answer(TABLES[name].question)));
  return Object.fromEntries(TABLE_NAMES.map((name, i) => [name, rows[i]!])) as Record<TableName, Row[]>;
}

/** Every table, in order, under a header naming the range and where the figures come from. */
export function formatReport(source: string, range: TimeRange, results: Record<TableName, Row[]>): string {
  const header = `Fafnir metrics from ${range.from.toISOString()} to ${range.to.toISOString()} (${source})\n`;
  return [header, ...TABLE_NAMES.map((name) => formatTable(TABLES[name].title, results[name]))].join("\n");
}
