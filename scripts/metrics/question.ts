/**
 * A question asked of the data points, described once (fields of METRICS_SCHEMA, no SQL):
 * ae-sql.ts compiles it to the Analytics Engine SQL API, local.ts answers it over a dev
 * session's kept points. Counts are weighted by `_sample_interval` (Analytics Engine
 * samples at high volume; a kept dev point weighs 1).
 */
import { METRICS_SCHEMA } from "../../shared/metrics.ts";

type Schema = typeof METRICS_SCHEMA;
type BlobColumn = Extract<keyof Schema, `blob${number}`>;
type DoubleColumn = Extract<keyof Schema, `double${number}`>;
export type BlobField = Schema[BlobColumn];
export type DoubleField = Schema[DoubleColumn];

/** Every test must hold: a value, one of several values, or anything but a value. */
export type Filter = Partial<Record<BlobField, string | readonly string[] | { not: string }>>;

export type Measure =
  /** The (weighted) number of points, of those matching `where` when given. */
  | { count: Filter }
  /** ClickHouse's quantileExactWeighted of a double. */
  | { quantile: number; of: DoubleField }
  /** The (weighted) share of the points matching `where`, 0..1. */
  | { share: Filter };

/** From inclusive, to exclusive. */
export interface TimeRange {
  from: Date;
  to: Date;
}

export interface Question {
  where: Filter;
  /** Time buckets of this many minutes, as the first column `t`, in time order. */
  everyMinutes?: number;
  /** Output column → the field it groups by. */
  by?: Record<string, BlobField>;
  /** Output column → its aggregate. */
  measures: Record<string, Measure>;
  /** The measure the rows are ordered by, largest first. */
  top?: string;
  limit?: number;
}

export const count = (where: Filter = {}): Measure => ({ count: where });
export const share = (where: Filter): Measure => ({ share: where });
export const quantile = (level: number, of: DoubleField = "duration_ms"): Measure => ({ quantile: level, of });

const columns = Object.entries(METRICS_SCHEMA).filter(([column]) => column !== "index1");
const COLUMN_OF = Object.fromEntries(columns.map(([column, field]) => [field, column])) as Record<BlobField | DoubleField, BlobColumn | DoubleColumn>;

/** The dataset column (blobN, doubleN) holding a field. */
export function columnOf(field: BlobField): BlobColumn;
export function columnOf(field: DoubleField): DoubleColumn;
export function columnOf(field: BlobField | DoubleField): BlobColumn | DoubleColumn {
  return COLUMN_OF[field];
}

/** The columns a question groups by: `t` first when bucketed, then `by`. */
export const groupColumns = (question: Question): string[] => [...(question.everyMinutes ? ["t"] : []), ...Object.keys(question.by ?? {})];
