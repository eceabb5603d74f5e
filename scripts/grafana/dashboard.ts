/**
 * The Grafana dashboard fafnir.json, generated from the questions of `npm run metrics`
 * (scripts/metrics/report.ts) and a few of its own, in the same form (question.ts),
 * compiled to Analytics Engine SQL with the data source's `$from`/`$to` macros.
 * `node scripts/grafana/dashboard.ts` rewrites fafnir.json; scripts/metrics.test.ts
 * fails while the file is not what this generates.
 */
import { writeFileSync } from "node:fs";
import { toAeSql } from "../metrics/ae-sql.ts";
import { count, quantile, share, type Question } from "../metrics/question.ts";
import { CACHED_QUOTES, LOGINS, SERVED, TABLES } from "../metrics/report.ts";

export const DASHBOARD_FILE = new URL("fafnir.json", import.meta.url);

interface Panel {
  title: string;
  type: "timeseries" | "table" | "stat" | "piechart";
  question: Question;
}

const FIVE_MINUTES = 5;

export const PANELS: Panel[] = [
  { title: "Requests per service", type: "timeseries", question: { where: SERVED, everyMinutes: FIVE_MINUTES, by: { service: "service" }, measures: { requests: count() } } },
  { title: "Requests, errors and latency per operation", type: "table", question: TABLES.operations.question },
  {
    title: "Latency p50 / p95 / p99 of gateway requests (ms)",
    type: "timeseries",
    question: { where: { service: "gateway", kind: "http" }, everyMinutes: FIVE_MINUTES, measures: { p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99) } },
  },
  { title: "Errors by service and code", type: "table", question: TABLES.errors.question },
  { title: "Quote cache hit rate", type: "stat", question: { where: CACHED_QUOTES, measures: { hit_rate: share({ cache: "hit" }) } } },
  { title: "Quote cache outcomes", type: "piechart", question: TABLES.cache.question },
  { title: "Provider failures", type: "table", question: TABLES.providers.question },
  {
    title: "Logins and failed logins",
    type: "timeseries",
    question: { where: LOGINS, everyMinutes: FIVE_MINUTES, measures: { logins: count({ outcome: "ok" }), failed: count({ outcome: { not: "ok" } }) } },
  },
  { title: "Rate-limited requests", type: "timeseries", question: { where: { outcome: "RATE_LIMITED" }, everyMinutes: FIVE_MINUTES, measures: { rate_limited: count() } } },
];

const datasource = { type: "vertamedia-clickhouse-datasource", uid: "${datasource}" };

/** Two panels a row, 8 high. */
function panel({ title, type, question }: Panel, index: number) {
  const query = toAeSql(question, { from: "toDateTime($from)", to: "toDateTime($to)" }).replaceAll("\n", " ");
  const format = type === "timeseries" ? "time_series" : "table";
  return {
    id: index + 1,
    type,
    title,
    datasource,
    gridPos: { h: 8, w: 12, x: (index % 2) * 12, y: Math.floor(index / 2) * 8 },
    targets: [{ refId: "A", datasource, rawQuery: true, format, query }],
  };
}

export function dashboard() {
  return {
    title: "Fafnir",
    uid: "fafnir-overview",
    schemaVersion: 39,
    version: 1,
    editable: true,
    tags: ["fafnir"],
    time: { from: "now-6h", to: "now" },
    refresh: "1m",
    templating: { list: [{ name: "datasource", label: "Analytics Engine", type: "datasource", query: datasource.type }] },
    panels: PANELS.map(panel),
  };
}

export const dashboardText = () => JSON.stringify(dashboard(), null, 2) + "\n";

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(DASHBOARD_FILE, dashboardText());
