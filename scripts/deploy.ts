/**
 * Deploys Fafnir to Cloudflare: for each Worker, callees before callers (security, user,
 * stock, trading, then auth, then gateway), its D1 database is created when missing and
 * migrated, its queues (trading's events and their dead-letter queue) are created when
 * missing, then the Worker is deployed with its production vars (deploy-plan.ts); the gateway once the web app it serves is built into its
 * assets (Vite, production mode: HSTS in its _headers). Needs CLOUDFLARE_API_TOKEN (and
 * CLOUDFLARE_ACCOUNT_ID) or `wrangler login`. `npm run deploy -- --dry-run` builds everything and prints the plan.
 */
import { execFileSync } from "node:child_process";
import { sharedRevocationNamespace, tokenClaimMismatches } from "./auth-gateway-settings.ts";
import { productionVarArgs, queuesOf } from "./deploy-plan.ts";
import { run } from "./run.ts";
import { buildWeb, viteBuildArgs } from "./web-build.ts";
import { workers, type WorkerInfo } from "./workers.ts";

const dryRun = process.argv.includes("--dry-run");

function databaseName(worker: WorkerInfo): string {
  return `fafnir-${worker.name}`;
}

/** Whether `wrangler <args>` (an info command) succeeds: the resource exists. */
function exists(args: string[]): boolean {
  try {
    execFileSync("wrangler", args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const databaseExists = (name: string) => exists(["d1", "info", name, "--json"]);
const queueExists = (name: string) => exists(["queues", "info", name]);

async function step(description: string, command: string[]): Promise<void> {
  console.log(`→ ${description}: wrangler ${command.join(" ")}`);
  if (!dryRun) await run("wrangler", command, { env: { ...process.env, CI: "true" } });
}

// Before anything is deployed, in a dry run too: tokens auth signs would be refused.
const mismatches = tokenClaimMismatches();
if (mismatches.length > 0) {
  console.error(`Auth's access tokens would not verify at the gateway: JWT_ISSUER and JWT_AUDIENCE must be equal in both configs.\n  ${mismatches.join("\n  ")}`);
  process.exit(1);
}

if (!sharedRevocationNamespace()) {
  const message =
    "REVOKED_SESSIONS must bind the same KV namespace id in wrangler.toml and workers/auth/wrangler.toml (README: Deploying).";
  if (!dryRun) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`warning: ${message}`);
}

/** What error reports name as the release: the commit being deployed. */
function release(): string {
  const commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8" }).trim();
  return `fafnir@${commit}`;
}
const releaseName = release();

for (const worker of workers) {
  if (worker.database) {
    const name = databaseName(worker);
    if (dryRun || !databaseExists(name)) await step(`create ${name} if missing`, ["d1", "create", name]);
    await step(`migrate ${name}`, ["d1", "migrations", "apply", name, "--remote", "-c", worker.config]);
  }
  for (const queue of queuesOf(worker.config)) {
    if (dryRun || !queueExists(queue)) await step(`create queue ${queue} if missing`, ["queues", "create", queue]);
  }
  // Its assets: the app and GraphiQL's files (web/vite.config.ts writes both).
  if (worker.name === "gateway") {
    console.log(`→ build the web app: vite ${viteBuildArgs("production").join(" ")}`);
    if (!dryRun) await buildWeb("production");
  }
  await step(`deploy ${worker.scriptName}`, ["deploy", "-c", worker.config, ...productionVarArgs(worker, releaseName)]);
}
// The dry run's build: the web app in production mode, then every Worker's bundle.
if (dryRun) await run("node", ["scripts/build.ts"]);
