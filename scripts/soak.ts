/**
 * `npm run soak [-- --users 20 --seconds 120 --seed 7]`: a bounded soak of the real platform
 * on loopback. Starts the five Workers itself in workerd (wrangler's test harness, fresh
 * state, the gateway's rate limits on as in production), runs the simulated users
 * (scripts/soak/), prints the report and exits non-zero on any 5xx, INTERNAL error, request
 * without an answer, or account that does not hold what its user's mutations imply.
 */
import { parseArgs } from "node:util";
import { startPlatform, type Platform } from "./testing/platform.ts";
import { formatReport, verdict, type SoakReport } from "./soak/report.ts";
import { runSoak, SOAK_DEFAULTS, type SoakOptions } from "./soak/run.ts";

export function parseSoakArgs(args: string[]): SoakOptions {
  const { values } = parseArgs({ args, options: { users: { type: "string" }, seconds: { type: "string" }, seed: { type: "string" } } });
  const number = (name: string, value: string | undefined, fallback: number) => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(parsed) || parsed < (name === "seed" ? 0 : 1)) throw new Error(`--${name} takes a whole number${name === "seed" ? "" : " above 0"}, not "${value}"`);
    return parsed;
  };
  return {
    users: number("users", values.users, SOAK_DEFAULTS.users),
    seconds: number("seconds", values.seconds, SOAK_DEFAULTS.seconds),
    seed: number("seed", values.seed, Math.floor(Math.random() * 2 ** 31)),
  };
}

/** The platform as the soak needs it: the gateway's rate limits on, as in production (ENVIRONMENT=test turns them off). */
export const startSoakPlatform = (): Promise<Platform> => startPlatform({ vars: { gateway: { RATE_LIMITS: "true" } } });

/** The soak on a platform of its own, started and stopped around it. */
export async function soak(options: SoakOptions): Promise<SoakReport> {
  // Loopback only: no fetch of the Request.cf object from workers.cloudflare.com, no wrangler telemetry.
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
  process.env.WRANGLER_SEND_METRICS ??= "false";
  const platform = await startSoakPlatform();
  // The harness keeps every log line in memory; the soak reads none.
  const dropLogs = setInterval(() => platform.harness.clearLogs(), 5_000);
  try {
    return await runSoak((path, init) => platform.fetch(path, init), options);
  } finally {
    clearInterval(dropLogs);
    await platform.stop();
  }
}

async function main(args: string[]): Promise<void> {
  let options: SoakOptions;
  try {
    options = parseSoakArgs(args);
  } catch (error) {
    console.error(`soak: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  console.log(`soak: starting the five Workers, then ${options.users} users for ${options.seconds} s (seed ${options.seed})`);
  const report = await soak(options);
  process.stdout.write(formatReport(report));
  if (verdict(report).length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
