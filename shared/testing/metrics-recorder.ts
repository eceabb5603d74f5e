/**
 * For integration tests: a Worker that stands where an Analytics Engine dataset would.
 * Each real Worker's METRICS binding points here (startPlatform's `recordMetrics`), so the
 * Worker's own code calls `env.METRICS.writeDataPoint(point)` exactly as in production and
 * the test reads back what reached the binding. Locally, miniflare's dataset drops every
 * point, so there is nothing else to read back from.
 */
import { WorkerEntrypoint } from "cloudflare:workers";

export interface RecordedPoint {
  indexes: string[];
  blobs: string[];
  doubles: number[];
}

const points: RecordedPoint[] = [];

export default class MetricsRecorder extends WorkerEntrypoint {
  writeDataPoint(point: AnalyticsEngineDataPoint): void {
    points.push({
      indexes: (point.indexes ?? []).map(String),
      blobs: (point.blobs ?? []).map((b) => (b === null ? "" : String(b))),
      doubles: point.doubles ?? [],
    });
  }

  points(): RecordedPoint[] {
    return points;
  }

  clear(): void {
    points.length = 0;
  }
}
