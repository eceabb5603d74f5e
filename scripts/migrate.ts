/** Applies every service's D1 migrations: `--local` (default) into the dev state, or `--remote`. */
import { run } from "./run.ts";
import { DEV_STATE_DIR } from "./dev-settings.ts";
import { workers } from "./workers.ts";

export async function migrate(target: "local" | "remote", persistTo = DEV_STATE_DIR): Promise<void> {
  const where = target === "local" ? ["--local", "--persist-to", persistTo] : ["--remote"];
  for (const worker of workers.filter((w) => w.database)) {
    await run("wrangler", ["d1", "migrations", "apply", worker.database!, ...where, "-c", worker.config], {
      env: { ...process.env, CI: "true" }, // answers the confirmation prompt
    });
  }
}

if (import.meta.main) await migrate(process.argv.includes("--remote") ? "remote" : "local");
