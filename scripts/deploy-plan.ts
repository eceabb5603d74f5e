/**
 * What `npm run deploy` derives from the Workers' configs, apart from running it: the
 * queues a Worker needs before it is deployed, and the vars production sets over the
 * development values of wrangler.toml.
 */
import { readRawConfig } from "./dev-configs.ts";
import type { WorkerInfo } from "./workers.ts";

/**
 * Every queue the config produces to, consumes or dead-letters into, in order of first
 * mention: wrangler deploy fails on a queue that does not exist, so they are created first.
 */
export function queuesOf(config: string): string[] {
  const { queues } = readRawConfig(config);
  const names = [
    ...(queues?.producers ?? []).map((p) => p.queue),
    ...(queues?.consumers ?? []).flatMap((c) => [c.queue, c.dead_letter_queue]),
  ];
  return [...new Set(names.filter((name): name is string => typeof name === "string" && name !== ""))];
}

/** wrangler.toml's vars are for local development; production differs only in these. */
const PRODUCTION_VARS: Partial<Record<WorkerInfo["name"], Record<string, string>>> = {
  // trading.md "Trading hours": the paper venue follows the exchange's regular session.
  trading: { TRADING_HOURS: "exchange" },
};

/** The `--var NAME:value` arguments of the Worker's deploy (the release last). */
export function productionVarArgs(worker: WorkerInfo, release: string): string[] {
  const vars = { ENVIRONMENT: "production", ...PRODUCTION_VARS[worker.name], SENTRY_RELEASE: release };
  return Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
}
