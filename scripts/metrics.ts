/**
 * `npm run metrics [-- --since 1h | --from <ISO> --to <ISO>]`: the operator's figures for
 * a time range as tables, from the Analytics Engine SQL API. Needs CLOUDFLARE_ACCOUNT_ID
 * and CLOUDFLARE_API_TOKEN (a token with Account Analytics: Read).
 * `--local`: the same tables from the data points an `npm run dev` session kept
 * (scripts/dev-metrics), in the dev state (FAFNIR_DEV_STATE, default .wrangler/dev-state:
 * scripts/dev-settings.ts).
 */
import { parseArgs } from "node:util";
import { DEV_STATE_DIR } from "./dev-settings.ts";
import { NoDevState, readDevPoints } from "./metrics/dev-points.ts";
import { boundsOf, toAeSql } from "./metrics/ae-sql.ts";
import { answerLocally } from "./metrics/local.ts";
import type { TimeRange } from "./metrics/question.ts";
import { answerAll, formatReport } from "./metrics/report.ts";
import { querySql, type SqlApiConfig } from "./metrics/sql-api.ts";

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseRange(args: string[], now = new Date()): TimeRange {
  const { values } = parseArgs({ args, options: { since: { type: "string" }, from: { type: "string" }, to: { type: "string" } } });
  const to = values.to ? new Date(values.to) : now;
  let from: Date;
  if (values.from) from = new Date(values.from);
  else {
    const match = /^(\d+)([mhd])$/.exec(values.since ?? "1h");
    if (!match) throw new Error(`--since takes a duration like 15m, 1h or 7d, not "${values.since}"`);
    from = new Date(to.getTime() - Number(match[1]) * UNITS[match[2]!]!);
  }
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) throw new Error("The time range is not valid: --from must be before --to");
  return { from, to };
}

/** Every table of the report, from the Analytics Engine SQL API. */
export async function metricsReport(config: SqlApiConfig, range: TimeRange): Promise<string> {
  const results = await answerAll((question) => querySql(config, toAeSql(question, boundsOf(range))));
  return formatReport("Analytics Engine SQL API", range, results);
}

/** Every table of the report, from the data points a dev session kept in `stateDir`. */
export async function localMetricsReport(stateDir: string, range: TimeRange): Promise<string> {
  const points = await readDevPoints(stateDir, range);
  return formatReport(`local dev session, ${stateDir}`, range, await answerAll((question) => answerLocally(question, points)));
}

async function main(args: string[]): Promise<void> {
  if (args.includes("--local")) {
    const range = parseRange(args.filter((arg) => arg !== "--local"));
    try {
      process.stdout.write(await localMetricsReport(DEV_STATE_DIR, range));
    } catch (error) {
      if (!(error instanceof NoDevState)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
    return;
  }
  const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
  const apiToken = process.env.CLOUDFLARE_API_TOKEN;
  if (!accountId || !apiToken) {
    console.error(
      "Set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (Account Analytics: Read) to query the Analytics Engine SQL API, or pass --local for the figures of an `npm run dev` session.",
    );
    process.exit(1);
  }
  process.stdout.write(await metricsReport({ accountId, apiToken }, parseRange(args)));
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
