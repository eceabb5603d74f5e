/** Questions (question.ts) as Analytics Engine SQL, the SQL API's ClickHouse dialect. */
import { columnOf, groupColumns, type Filter, type Measure, type Question, type TimeRange } from "./question.ts";

export const DATASET = "fafnir_metrics";

/** SQL expressions of a range's bounds: `toDateTime(<seconds>)`, or a dashboard's `$from`/`$to` macros. */
export interface SqlBounds {
  from: string;
  to: string;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
export const boundsOf = ({ from, to }: TimeRange): SqlBounds => ({ from: `toDateTime(${seconds(from)})`, to: `toDateTime(${seconds(to)})` });

function literal(value: string): string {
  if (/['\\]/.test(value)) throw new Error(`not a plain value for a question: ${value}`);
  return `'${value}'`;
}

/** A filter's tests joined by AND ("1" for none). */
function condition(filter: Filter): string {
  const tests = Object.entries(filter).map(([field, test]) => {
    const column = columnOf(field as keyof Filter);
    if (typeof test === "string") return `${column} = ${literal(test)}`;
    if ("not" in test) return `${column} != ${literal(test.not)}`;
    return `${column} IN (${test.map(literal).join(", ")})`;
  });
  return tests.length > 0 ? tests.join(" AND ") : "1";
}

const weightIf = (filter: Filter) => (Object.keys(filter).length === 0 ? "SUM(_sample_interval)" : `SUM(IF(${condition(filter)}, _sample_interval, 0))`);

function aggregate(measure: Measure): string {
  if ("count" in measure) return weightIf(measure.count);
  if ("share" in measure) return `${weightIf(measure.share)} / SUM(_sample_interval)`;
  return `quantileExactWeighted(${measure.quantile})(${columnOf(measure.of)}, _sample_interval)`;
}

export function toAeSql(question: Question, bounds: SqlBounds): string {
  const bucket = question.everyMinutes ? [`toStartOfInterval(timestamp, INTERVAL '${question.everyMinutes}' MINUTE) AS t`] : [];
  const groups = Object.entries(question.by ?? {}).map(([alias, field]) => `${columnOf(field)} AS ${alias}`);
  const measures = Object.entries(question.measures).map(([alias, measure]) => `${aggregate(measure)} AS ${alias}`);
  const groupBy = groupColumns(question);
  const orderBy = [...(question.everyMinutes ? ["t"] : []), ...(question.top ? [`${question.top} DESC`] : [])];
  const where = [`timestamp >= ${bounds.from}`, `timestamp < ${bounds.to}`, ...(Object.keys(question.where).length > 0 ? [condition(question.where)] : [])];
  return [
    `SELECT ${[...bucket, ...groups, ...measures].join(", ")}`,
    `FROM ${DATASET}`,
    `WHERE ${where.join(" AND ")}`,
    ...(groupBy.length > 0 ? [`GROUP BY ${groupBy.join(", ")}`] : []),
    ...(orderBy.length > 0 ? [`ORDER BY ${orderBy.join(", ")}`] : []),
    ...(question.limit ? [`LIMIT ${question.limit}`] : []),
  ].join("\n");
}
