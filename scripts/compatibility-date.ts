/**
 * The compatibility date (the Workers runtime version) of every Fafnir Worker, stated here
 * only. Wrangler reads it from each config file: configs cannot inherit, the test harness
 * takes no date for a config file, and a config without one runs locally on wrangler's own
 * default date and cannot be deployed. So `npm run types` writes this date into every
 * wrangler config and `npm run types:check` fails on one left behind; inline configs (test
 * harness Workers, benches) import it.
 */
import { execFileSync } from "node:child_process";

export const COMPATIBILITY_DATE = "2026-11-01";

const DATE_LINE = /^compatibility_date = "[^"\n]*"$/m;

/** The config text with its compatibility_date line set to COMPATIBILITY_DATE. */
export function withCompatibilityDate(config: string, source: string): string {
  if (!DATE_LINE.test(config)) throw new Error(`${source}: expected a line compatibility_date = "YYYY-MM-DD"`);
  return config.replace(DATE_LINE, `compatibility_date = "${COMPATIBILITY_DATE}"`);
}

/** Every wrangler config of the repository: those in git (the generated dev configs are not). */
export function wranglerConfigs(): string[] {
  return execFileSync("git", ["ls-files", "*wrangler*.toml"], { encoding: "utf8" }).split("\n").filter(Boolean);
}
