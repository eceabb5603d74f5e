/**
 * Generates what follows from the wrangler configs: the compatibility date in every config
 * (scripts/compatibility-date.ts), the gateway's rate-limit periods
 * (scripts/rate-limit-periods.ts), each Worker's env types with `wrangler types` (typed RPC
 * included), and the runtime types once for all. With --check, fails when any file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { wranglerConfigs, withCompatibilityDate } from "./compatibility-date.ts";
import { RATE_LIMIT_PERIODS_MODULE, rateLimitPeriodsModule } from "./rate-limit-periods.ts";
import { run } from "./run.ts";
import { devMetrics, workerNamed, workers } from "./workers.ts";

const check = process.argv.includes("--check");
const extra = check ? ["--check"] : [];

const current = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);
const derived = [
  ...wranglerConfigs().map((path) => ({ path, text: withCompatibilityDate(readFileSync(path, "utf8"), path) })),
  { path: RATE_LIMIT_PERIODS_MODULE, text: rateLimitPeriodsModule(workerNamed("gateway").config) },
];
const stale = derived.filter((file) => current(file.path) !== file.text);
if (check && stale.length > 0) {
  console.error(`stale (run npm run types): ${stale.map((file) => file.path).join(", ")}`);
  process.exitCode = 1;
}
if (!check) for (const file of stale) writeFileSync(file.path, file.text);

const jobs = workers.map((w) => {
  const out = `workers/${w.name}/worker-configuration.d.ts`;
  const configs = [w.config, ...w.binds.map((name) => workerNamed(name).config)].flatMap((c) => ["-c", c]);
  const envInterface = `${w.name[0]!.toUpperCase()}${w.name.slice(1)}Env`;
  return ["types", ...configs, `--env-interface=${envInterface}`, "--include-runtime=false", "--include-main-module=false", "--strict-vars=false", out, ...extra];
});
jobs.push(["types", "-c", devMetrics.config, "--env-interface=DevMetricsEnv", "--include-runtime=false", "--include-main-module=false", "--strict-vars=false", "scripts/dev-metrics/worker-configuration.d.ts", ...extra]);
// Every Worker runs on one compatibility date and set of flags (scripts/worker-configs.test.ts).
jobs.push(["types", "-c", workerNamed("gateway").config, "--include-env=false", "workers/worker-runtime.d.ts", ...extra]);

for (const args of jobs) await run("wrangler", args, { stdio: check ? ["ignore", "ignore", "inherit"] : "inherit" });
if (process.exitCode !== 1) console.log(check ? "env types are up to date" : "env types written");
