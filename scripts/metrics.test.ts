import { readFileSync } from "node:fs";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRICS_SCHEMA, METRICS_SYSTEM_COLUMNS } from "../shared/metrics.ts";
import { DASHBOARD_FILE, dashboardText } from "./grafana/dashboard.ts";
import { metricsReport, parseRange } from "./metrics.ts";
import { TABLES } from "./metrics/report.ts";

const COLUMN = /\b(?:blob|double|index)\d+\b|\b_sample_interval\b|\btimestamp\b/g;
const KNOWN = new Set<string>([...Object.keys(METRICS_SCHEMA), ...METRICS_SYSTEM_COLUMNS]);

/** The dataset columns a query names (blobN, doubleN, indexN, timestamp, _sample_interval). */
function columnsOf(sql: string): string[] {
  return [...new Set(sql.match(COLUMN) ?? [])];
}

interface Dashboard {
  panels: { title: string; targets: { query: string }[] }[];
}

describe("the Grafana dashboard", () => {
  const text = readFileSync(DASHBOARD_FILE, "utf8");
  const dashboard = JSON.parse(text) as Dashboard;

  it("is what scripts/grafana/dashboard.ts generates from the questions (run it after changing one)", () => {
    expect(text).toBe(dashboardText());
  });

  it("has a panel for each question, each querying fafnir_metrics weighted by _sample_interval", () => {
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8);
    for (const panel of dashboard.panels) {
      for (const { query } of panel.targets) {
        expect(query, panel.title).toMatch(/FROM fafnir_metrics/);
        expect(query, panel.title).toMatch(/SUM\([^)]*_sample_interval|_sample_interval\)/);
        expect(query, panel.title).toContain("toDateTime($from)");
      }
    }
  });

  it("names only columns of the documented schema", () => {
    for (const panel of dashboard.panels) {
      for (const { query } of panel.targets) {
        const unknown = columnsOf(query).filter((c) => !KNOWN.has(c));
        expect(unknown, panel.title).toEqual([]);
      }
    }
  });

  it("fails on a column outside the schema (the check can fail)", () => {
    expect(columnsOf("SELECT blob9, double7 FROM fafnir_metrics").filter((c) => !KNOWN.has(c))).toEqual(["blob9", "double7"]);
  });
});

describe("npm run metrics against the Analytics Engine SQL API", () => {
  const asked: string[] = [];
  const fixtures: [RegExp, Record<string, unknown>[]][] = [
    [/blob2 IN \('http', 'rpc'\)\nGROUP BY service, kind, operation/, [
      { service: "gateway", kind: "http", operation: "query me", requests: "1200", errors: "12", p50_ms: 18.2, p95_ms: 61.5, p99_ms: 140.25 },
    ]],
    [/GROUP BY service, code/, [{ service: "gateway", code: "FORBIDDEN", count: "12" }]],
    [/GROUP BY cache/, [{ cache: "hit", count: "900" }, { cache: "miss", count: "100" }]],
    [/GROUP BY provider/, [{ provider: "yahoo", operation: "quotes", failures: "7" }]],
    [/POST \/auth\/login/, [{ outcome: "ok", count: "40" }, { outcome: "INVALID_CREDENTIALS", count: "5" }]],
    [/RATE_LIMITED/, [{ service: "gateway", count: "3" }]],
  ];
  const api = setupServer(
    http.post("https://sql.test/client/v4/accounts/acc-1/analytics_engine/sql", async ({ request }) => {
      if (request.headers.get("authorization") !== "Bearer tok-1") return new HttpResponse("forbidden", { status: 403 });
      const sql = await request.text();
      asked.push(sql);
      const rows = fixtures.find(([pattern]) => pattern.test(sql))?.[1];
      if (!rows) return new HttpResponse(`no fixture for ${sql}`, { status: 400 });
      // The documented JSON shape of the SQL API (FORMAT JSON).
      return HttpResponse.json({ meta: Object.keys(rows[0] ?? {}).map((name) => ({ name, type: "String" })), data: rows, rows: rows.length });
    }),
  );
  beforeAll(() => api.listen());
  afterAll(() => api.close());

  const config = { accountId: "acc-1", apiToken: "tok-1", baseUrl: "https://sql.test/client/v4" };
  const range = { from: new Date("2026-11-24T07:00:00Z"), to: new Date("2026-11-24T08:00:00Z") };

  it("prints every figure as a table for the time range", async () => {
    const report = await metricsReport(config, range);
    expect(report).toContain("Fafnir metrics from 2026-11-24T07:00:00.000Z to 2026-11-24T08:00:00.000Z");
    expect(report).toMatch(/gateway\s+http\s+query me\s+1200\s+12\s+18\.2\s+61\.5\s+140\.3/);
    expect(report).toMatch(/Quote cache\n\s+cache\s+count\n\s+hit\s+900/);
    expect(report).toMatch(/yahoo\s+quotes\s+7/);
    expect(report).toMatch(/INVALID_CREDENTIALS\s+5/);
    expect(report).toMatch(/Rate-limited requests\n\s+service\s+count\n\s+gateway\s+3/);
    expect(asked).toHaveLength(Object.keys(TABLES).length);
    for (const sql of asked) {
      expect(sql).toContain("timestamp >= toDateTime(1795503600) AND timestamp < toDateTime(1795507200)");
      expect(sql.endsWith("FORMAT JSON")).toBe(true);
      expect(columnsOf(sql).filter((c) => !KNOWN.has(c))).toEqual([]);
    }
  });

  it("says what the API answered when it refuses", async () => {
    await expect(metricsReport({ ...config, apiToken: "wrong" }, range)).rejects.toThrow(/answered 403: forbidden/);
  });

  it("reads --since and --from/--to", () => {
    const now = new Date("2026-11-24T08:00:00Z");
    expect(parseRange(["--since", "15m"], now)).toEqual({ from: new Date("2026-11-24T07:45:00Z"), to: now });
    expect(parseRange(["--from", "2026-11-23T00:00:00Z", "--to", "2026-11-24T00:00:00Z"])).toEqual({
      from: new Date("2026-11-23T00:00:00Z"),
      to: new Date("2026-11-24T00:00:00Z"),
    });
    expect(() => parseRange(["--since", "soon"], now)).toThrow(/--since/);
  });
});
