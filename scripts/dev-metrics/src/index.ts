/**
 * The dev session's stand-in for the Analytics Engine dataset: each product Worker's
 * METRICS binding points here during `npm run dev` (scripts/dev.ts), so the Workers' own
 * `env.METRICS.writeDataPoint(point)` calls land in this Worker's D1 database, kept in the
 * dev state for `npm run metrics -- --local` (scripts/metrics/dev-points.ts reads it).
 */
import { WorkerEntrypoint } from "cloudflare:workers";

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS data_points (
  id INTEGER PRIMARY KEY,
  timestamp INTEGER NOT NULL,
  index1 TEXT NOT NULL,
  blobs TEXT NOT NULL,
  doubles TEXT NOT NULL
)`;

let tableReady: Promise<unknown> | undefined;

const text = (value: ArrayBuffer | string | null) => (value === null ? "" : typeof value === "string" ? value : new TextDecoder().decode(value));

export default class DevMetrics extends WorkerEntrypoint<DevMetricsEnv> {
  /** Keeps one data point with the time it arrived (Analytics Engine stamps points the same way). */
  async writeDataPoint(point: AnalyticsEngineDataPoint): Promise<void> {
    const db = this.env.DEV_METRICS_DB;
    tableReady ??= db.prepare(CREATE_TABLE).run().catch((error: unknown) => {
      tableReady = undefined;
      throw error;
    });
    await tableReady;
    await db
      .prepare("INSERT INTO data_points (timestamp, index1, blobs, doubles) VALUES (?, ?, ?, ?)")
      .bind(Date.now(), text(point.indexes?.[0] ?? null), JSON.stringify((point.blobs ?? []).map(text)), JSON.stringify(point.doubles ?? []))
      .run();
  }
}
