/**
 * The operator's questions as Analytics Engine SQL over the schema of shared/metrics.ts.
 * Counts are weighted by `_sample_interval` (Analytics Engine samples at high volume).
 * `npm run metrics` runs these; scripts/grafana/fafnir.json asks the same questions.
 */
export interface TimeRange {
  from: Date;
  to: Date;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const within = ({ from, to }: TimeRange) =>
  `timestamp >= toDateTime(${seconds(from)}) AND timestamp < toDateTime(${seconds(to)})`;

export const DATASET = "fafnir_metrics";

export const queries = {
  /** Requests and served RPC calls per service and operation, with latency percentiles and errors. */
  operations: (range: TimeRange) => `SELECT blob1 AS service, blob2 AS kind, blob3 AS operation,
  SUM(_sample_interval) AS requests,
  SUM(IF(blob4 = 'ok', 0, _sample_interval)) AS errors,
  quantileExactWeighted(0.5)(double1, _sample_interval) AS p50_ms,
  quantileExactWeighted(0.95)(double1, _sample_interval) AS p95_ms,
  quantileExactWeighted(0.99)(double1, _sample_interval) AS p99_ms
FROM ${DATASET}
WHERE ${within(range)} AND blob2 IN ('http', 'rpc')
GROUP BY service, kind, operation
ORDER BY requests DESC
LIMIT 100`,
  /** Errors by service and code. */
  errors: (range: TimeRange) => `SELECT blob1 AS service, blob4 AS code, SUM(_sample_interval) AS count
FROM ${DATASET}
WHERE ${within(range)} AND blob2 IN ('http', 'rpc', 'call') AND blob4 != 'ok'
GROUP BY service, code
ORDER BY count DESC
LIMIT 100`,
  /** Quote cache outcomes (hit rate = hit / all). */
  cache: (range: TimeRange) => `SELECT blob5 AS cache, SUM(_sample_interval) AS count
FROM ${DATASET}
WHERE ${within(range)} AND blob1 = 'stock' AND blob2 = 'rpc' AND blob5 != ''
GROUP BY cache
ORDER BY count DESC`,
  /** Failed provider calls per provider. */
  providers: (range: TimeRange) => `SELECT blob6 AS provider, blob3 AS operation, SUM(_sample_interval) AS failures
FROM ${DATASET}
WHERE ${within(range)} AND blob2 = 'provider'
GROUP BY provider, operation
ORDER BY failures DESC`,
  /** Logins by outcome (ok, INVALID_CREDENTIALS, RATE_LIMITED, ...). */
  logins: (range: TimeRange) => `SELECT blob4 AS outcome, SUM(_sample_interval) AS count
FROM ${DATASET}
WHERE ${within(range)} AND blob1 = 'auth' AND blob2 = 'http' AND blob3 = 'POST /auth/login'
GROUP BY outcome
ORDER BY count DESC`,
  /** Requests the gateway refused as RATE_LIMITED. */
  rateLimited: (range: TimeRange) => `SELECT blob1 AS service, SUM(_sample_interval) AS count
FROM ${DATASET}
WHERE ${within(range)} AND blob4 = 'RATE_LIMITED'
GROUP BY service`,
} satisfies Record<string, (range: TimeRange) => string>;

export type QueryName = keyof typeof queries;
