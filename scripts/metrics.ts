/**
 * `npm run metrics [-- --since 1h | --from <ISO> --to <ISO>]`: the operator's figures for
 * a time range as tables, from the Analytics Engine SQL API. Needs CLOUDFLARE_ACCOUNT_ID
 * and CLOUDFLARE_API_TOKEN (a token with Account Analytics: Read).
 */
import { parseArgs } from "node:util";
import { queries, type QueryName, type TimeRange } from "./metrics/queries.ts";
import { querySql, type SqlApiConfig } from "./metrics/sql-api.ts";
import { formatTable } from "./metrics/table.ts";

const TITLES: Record<QueryName, string> = {
  operations: "Requests per service and operation",
  errors: "Errors by code",
  cache: "Quote cache",
  providers: "Provider failures",
  logins: "Logins",
  rateLimited: "Rate-limited requests",
};

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

/** Every table of the report, in order. */
export async function metricsReport(config: SqlApiConfig, range: TimeRange): Promise<string> {
  const names = Object.keys(queries) as QueryName[];
  const results = await Promise.all(names.map((name) => querySql(config, queries[name](range))));
  const header = `Fafnir metrics from ${range.from.toISOString()} to ${range.to.toISOString()}\n`;
  return [header, ...names.map((name, i) => formatTable(TITLES[name], results[i]!))].join("\n");
}

async function main(): Promise<void> {
  const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
  const apiToken = process.env.CLOUDFLARE_API_TOKEN;
  if (!accountId || !apiToken) {
    console.error("Set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (Account Analytics: Read) to query the Analytics Engine SQL API.");
    process.exit(1);
  }
  process.stdout.write(await metricsReport({ accountId, apiToken }, parseRange(process.argv.slice(2))));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
