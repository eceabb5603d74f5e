/**
 * The local platform in one command: local secrets, migrations and seed, then all five
 * Workers in one `wrangler dev` session sharing one persisted state directory, and once it
 * answers, the seed accounts through the platform's own API. The session also runs the dev
 * metrics Worker, where every Worker's METRICS data points go (`npm run metrics -- --local`).
 * Extra arguments go to `wrangler dev` (e.g. `npm run dev -- --port 8788`).
 */
import { spawn } from "node:child_process";
import { writeDevConfigs } from "./dev-configs.ts";
import { ensureLocalSecrets } from "./dev-vars.ts";
import { migrate } from "./migrate.ts";
import { seedAccounts, seedLocal, waitForPlatform } from "./seed.ts";
import { DEV_STATE_DIR, devMetrics, workers } from "./workers.ts";

// The gateway's config comes first: it is the Worker served at http://localhost:8787.
const ordered = [...workers].sort((a, b) => Number(b.name === "gateway") - Number(a.name === "gateway"));
const configs = [...writeDevConfigs(ordered), devMetrics.config].flatMap((config) => ["-c", config]);

await ensureLocalSecrets();
await migrate("local");
await seedLocal();

const extra = process.argv.slice(2);
const dev = spawn("wrangler", ["dev", ...configs, "--persist-to", DEV_STATE_DIR, ...extra], { stdio: "inherit" });
const exited = new Promise<number>((resolve) => dev.on("exit", (code) => resolve(code ?? 1)));
// Ctrl-C reaches wrangler through the terminal; a signal sent to this process alone (a
// process manager, `kill`) must reach it too, or workerd would outlive the session.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));

const portArg = extra.findIndex((arg) => arg === "--port" || arg.startsWith("--port="));
const port = portArg < 0 ? "8787" : extra[portArg]!.includes("=") ? extra[portArg]!.split("=")[1] : extra[portArg + 1];
const ready = waitForPlatform(`http://localhost:${port}`).then(() => seedAccounts(`http://localhost:${port}`));
const outcome = await Promise.race([ready.then(() => "seeded" as const), exited.then(() => "exited" as const)]).catch((error: unknown) => {
  console.error(`seeding the local accounts failed: ${error instanceof Error ? error.message : String(error)}`);
  return "failed" as const;
});
if (outcome === "failed") dev.kill("SIGINT");
process.exitCode = await exited;
