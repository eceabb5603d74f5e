/**
 * The small SQL interface the ledger decides over: the Durable Object's `ctx.storage.sql`
 * in the Worker, `node:sqlite` in the Node model test (the same statements, the same
 * SQLite), so the decisions are tested a thousand times without a Worker.
 */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export interface Sql {
  /** Runs one statement; the rows it returns (none for a write). */
  exec(query: string, ...params: SqlValue[]): Row[];
}

/**
 * A scaled integer as an INTEGER column value. SQLite in a Durable Object binds no BigInt
 * and silently rounds integers past 2^53 (SPIKE.md 3): refuse them instead. The contract's
 * bounds keep every stored value far below (cash <= 1e9 cents, quantity <= 1e10).
 */
export function sqlInt(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${value} is beyond 2^53 and cannot be stored exactly`);
  }
  return Number(value);
}

export const sqlIntOrNull = (value: bigint | null): number | null => (value === null ? null : sqlInt(value));

/** An INTEGER column value back as the scaled BigInt. */
export function big(value: SqlValue | undefined): bigint {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw new TypeError(`expected a stored integer, got ${String(value)}`);
  return BigInt(value);
}

export const bigOrNull = (value: SqlValue | undefined): bigint | null => (value === null || value === undefined ? null : big(value));

export const text = (value: SqlValue | undefined): string => String(value);

export const textOrNull = (value: SqlValue | undefined): string | null => (value === null || value === undefined ? null : String(value));

/** The first row, or null. */
export const first = (rows: Row[]): Row | null => rows[0] ?? null;
