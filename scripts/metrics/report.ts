/** The report `npm run metrics` prints, whichever source answered the queries. */
import type { QueryName, TimeRange } from "./queries.ts";
import type { Row } from "./sql-api.ts";
import { formatTable } from "./table.ts";

/** Each query's table title, in the order the report prints them. */
export const TITLES: Record<QueryName, string> = {
  operations: "Requests per service and operation",
  errors: "Errors by code",
  cache: "Quote cache",
  providers: "Provider failures",
  logins: "Logins",
  rateLimited: "Rate-limited requests",
};

export const QUERY_NAMES = Object.keys(TITLES) as QueryName[];

/** Every table, in order, under a header naming the range and where the figures come from. */
export function formatReport(source: string, range: TimeRange, results: Record<QueryName, Row[]>): string {
  const header = `Fafnir metrics from ${range.from.toISOString()} to ${range.to.toISOString()} (${source})\n`;
  return [header, ...QUERY_NAMES.map((name) => formatTable(TITLES[name], results[name]))].join("\n");
}
