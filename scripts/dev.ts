/**
 * The local platform in one command: local secrets, migrations and seed, then all five
 * Workers in one `wrangler dev` session sharing one persisted state directory, and once it
 * answers, the seed accounts through the platform's own API and a banner of where things
 * are. The web app is built into the gateway's assets first and rebuilt on every change
 * under web/ (development mode; wrangler dev reloads the assets), so the app at DEV_URL is
 * always the current one, under the same CSP as in production. The session also runs the dev metrics Worker, where every Worker's METRICS data
 * points go (`npm run metrics -- --local`). Its state folder and port are FAFNIR_DEV_STATE
 * and FAFNIR_DEV_PORT (dev-settings.ts), which seed and metrics read too; other arguments
 * go to `wrangler dev` (e.g. `npm run dev -- --inspector-port 9230`).
 */
import { spawn } from "node:child_process";
import { readyBanner } from "./dev-banner.ts";
import { writeDevConfigs } from "./dev-configs.ts";
import { DEV_PORT, DEV_STATE_DIR, DEV_URL } from "./dev-settings.ts";
import { ensureLocalSecrets } from "./dev-vars.ts";
import { migrate } from "./migrate.ts";
import { SEED_ACCOUNTS, seedAccounts, seedLocal, waitForPlatform } from "./seed.ts";
import { watchWeb } from "./web-build.ts";
import { devMetrics, gatewayFirst } from "./workers.ts";

const extra = process.argv.slice(2);
// Given to wrangler alone, they would part the session from what seed and metrics read.
const owned = extra.find((arg) => /^--(port|persist-to)(=|$)/.test(arg));
if (owned) {
  const setting = owned.startsWith("--port") ? "FAFNIR_DEV_PORT=8788" : "FAFNIR_DEV_STATE=/tmp/fafnir-state";
  console.error(`${owned.split("=")[0]} is not an npm run dev argument: set it for dev, seed and metrics alike, e.g. ${setting} npm run dev`);
  process.exit(1);
}
// Otherwise the seed would reach the session already answering there.
if (await fetch(DEV_URL).then(() => true, () => false)) {
  console.error(`${DEV_URL} already answers (another npm run dev?): choose another port with FAFNIR_DEV_PORT`);
  process.exit(1);
}

// The gateway's config first: it is the Worker served at DEV_URL.
const configs = [...writeDevConfigs(gatewayFirst), devMetrics.config].flatMap((config) => ["-c", config]);

await ensureLocalSecrets();
await migrate("local");
await seedLocal();
// Before wrangler starts: it serves the assets directory as it finds it (GraphiQL's files included).
const web = await watchWeb((error) => console.log(error ? `web app rebuild failed: ${error.message}` : `web app rebuilt: reload ${DEV_URL}/`));

const dev = spawn("wrangler", ["dev", ...configs, "--persist-to", DEV_STATE_DIR, "--port", String(DEV_PORT), ...extra], { stdio: "inherit" });
const exited = new Promise<number>((resolve) => dev.on("exit", (code) => resolve(code ?? 1)));
// Ctrl-C reaches wrangler through the terminal; a signal sent to this process alone (a
// process manager, `kill`) must reach it too, or workerd would outlive the session.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
void exited.then(() => web.close());

const ready = waitForPlatform(DEV_URL).then(() => seedAccounts(DEV_URL, DEV_STATE_DIR));
const outcome = await Promise.race([ready.then(() => "seeded" as const), exited.then(() => "exited" as const)]).catch((error: unknown) => {
  console.error(`seeding the local accounts failed: ${error instanceof Error ? error.message : String(error)}`);
  return "failed" as const;
});
if (outcome === "seeded") console.log(readyBanner(DEV_URL, SEED_ACCOUNTS));
if (outcome === "failed") dev.kill("SIGINT");
process.exitCode = await exited;
