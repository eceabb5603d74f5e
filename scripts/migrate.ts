/**
 * Applies every service's D1 migrations: `--local` (default) into the dev state, or
 * `--remote`. Locally, wrangler's output is shown only for a database something was
 * applied to: it prints a banner and tables for each one even when nothing is pending.
 */
import { DEV_STATE_DIR } from "./dev-settings.ts";
import { capture, run } from "./run.ts";
import { workers } from "./workers.ts";

const env = { ...process.env, CI: "true" }; // answers the confirmation prompt
const NOTHING_TO_APPLY = /No migrations to apply!/;

export async function migrate(target: "local" | "remote", persistTo = DEV_STATE_DIR): Promise<void> {
  const databases = workers.filter((w) => w.database);
  if (target === "remote") {
    for (const worker of databases) await run("wrangler", ["d1", "migrations", "apply", worker.database!, "--remote", "-c", worker.config], { env });
    return;
  }
  let applied = false;
  for (const worker of databases) {
    const output = await capture("wrangler", ["d1", "migrations", "apply", worker.database!, "--local", "--persist-to", persistTo, "-c", worker.config], { env });
    if (NOTHING_TO_APPLY.test(output)) continue;
    process.stdout.write(output);
    applied = true;
  }
  if (!applied) console.log("migrations: every local database is up to date");
}

if (import.meta.main) await migrate(process.argv.includes("--remote") ? "remote" : "local");
