/**
 * The data points a dev session kept: the dev metrics Worker's D1 database
 * (scripts/dev-metrics) in the dev state, read through wrangler's platform proxy, whether
 * or not `npm run dev` is still running. The range is applied here, in the D1 query.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { devMetrics } from "../workers.ts";
import type { KeptPoint } from "./local.ts";
import type { TimeRange } from "./question.ts";

interface D1Like {
  prepare(sql: string): { bind(...values: unknown[]): { all<T>(): Promise<{ results: T[] }> } };
}

export class NoDevState extends Error {}

export async function readDevPoints(stateDir: string, { from, to }: TimeRange): Promise<KeptPoint[]> {
  // wrangler's --persist-to keeps its data under v3/; the proxy takes that folder itself.
  const persistPath = join(stateDir, "v3");
  if (!existsSync(persistPath)) throw new NoDevState(`No dev state in ${stateDir}: run \`npm run dev\` first.`);
  const proxy = await getPlatformProxy<{ DEV_METRICS_DB: D1Like }>({ configPath: devMetrics.config, persist: { path: persistPath }, remoteBindings: false });
  try {
    const { results } = await proxy.env.DEV_METRICS_DB.prepare(
      "SELECT timestamp, blobs, doubles FROM data_points WHERE timestamp >= ? AND timestamp < ? ORDER BY id",
    )
      .bind(from.getTime(), to.getTime())
      .all<{ timestamp: number; blobs: string; doubles: string }>();
    return results.map((row) => ({ timestamp: row.timestamp, blobs: JSON.parse(row.blobs) as string[], doubles: JSON.parse(row.doubles) as number[] }));
  } catch (error) {
    // The dev metrics Worker creates its table with the first point.
    if (/no such table/.test(String(error))) return [];
    throw error;
  } finally {
    await proxy.dispose();
  }
}
