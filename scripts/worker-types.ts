/**
 * Generates each Worker's env types with `wrangler types` (typed RPC included), and the
 * runtime types once for all. With --check, fails when any file is stale.
 */
import { run } from "./run.ts";
import { devMetrics, workerNamed, workers } from "./workers.ts";

const check = process.argv.includes("--check");
const extra = check ? ["--check"] : [];

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
console.log(check ? "env types are up to date" : "env types written");
