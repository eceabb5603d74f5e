import { describe, expect, it } from "vitest";
import { PANELS } from "../grafana/dashboard.ts";
import { boundsOf, toAeSql } from "./ae-sql.ts";
import { answerLocally, type KeptPoint } from "./local.ts";
import { count, quantile, share, type Question } from "./question.ts";
import { TABLES } from "./report.ts";

const bounds = boundsOf({ from: new Date("2026-11-24T07:00:00Z"), to: new Date("2026-11-24T08:00:00Z") });

describe("a question as Analytics Engine SQL", () => {
  it("selects the groups then the measures, filtered to the range, grouped, ordered and limited", () => {
    const question: Question = {
      where: { kind: ["http", "rpc"], outcome: { not: "ok" }, service: "auth" },
      by: { service: "service", code: "outcome" },
      measures: { count: count(), p95_ms: quantile(0.95), logins: count({ operation: "POST /auth/login" }) },
      top: "count",
      limit: 10,
    };
    expect(toAeSql(question, bounds).split("\n")).toEqual([
      "SELECT blob1 AS service, blob4 AS code, SUM(_sample_interval) AS count, quantileExactWeighted(0.95)(double1, _sample_interval) AS p95_ms, SUM(IF(blob3 = 'POST /auth/login', _sample_interval, 0)) AS logins",
      "FROM fafnir_metrics",
      "WHERE timestamp >= toDateTime(1795503600) AND timestamp < toDateTime(1795507200) AND blob2 IN ('http', 'rpc') AND blob4 != 'ok' AND blob1 = 'auth'",
      "GROUP BY service, code",
      "ORDER BY count DESC",
      "LIMIT 10",
    ]);
  });

  it("buckets time as column t, first in the groups and the order; a share divides by all", () => {
    const sql = toAeSql({ where: {}, everyMinutes: 5, measures: { hit_rate: share({ cache: "hit" }) } }, { from: "toDateTime($from)", to: "toDateTime($to)" });
    expect(sql.split("\n")).toEqual([
      "SELECT toStartOfInterval(timestamp, INTERVAL '5' MINUTE) AS t, SUM(IF(blob5 = 'hit', _sample_interval, 0)) / SUM(_sample_interval) AS hit_rate",
      "FROM fafnir_metrics",
      "WHERE timestamp >= toDateTime($from) AND timestamp < toDateTime($to)",
      "GROUP BY t",
      "ORDER BY t",
    ]);
  });

  it("refuses a value it would have to escape", () => {
    expect(() => toAeSql({ where: { operation: "it's" }, measures: { n: count() } }, bounds)).toThrow(/not a plain value/);
  });
});

describe("both backends of every question (the report's and the dashboard's)", () => {
  const point: KeptPoint = { timestamp: Date.parse("2026-11-24T07:01:00Z"), blobs: ["x"], doubles: [1] };
  const questions = [...Object.entries(TABLES).map(([name, { question }]) => [name, question] as const), ...PANELS.map((p) => [p.title, p.question] as const)];

  it.each(questions)("%s: the local rows have the columns the SQL selects, in order", (_, question) => {
    const selected = [...toAeSql(question, bounds).split("\nFROM")[0]!.matchAll(/\bAS (\w+)/g)].map((m) => m[1]);
    const everything = { ...question, where: {} };
    expect(Object.keys(answerLocally(everything, [point])[0]!)).toEqual(selected);
  });
});
