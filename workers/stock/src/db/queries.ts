/** The stock service's queries over schema.ts, one function per statement. */
import { and, asc, getTableColumns, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { jsonValues, type Db } from "../../../../shared/d1";
import type { DailyBar, Instrument, Quote } from "../contract";
import { barCoverage, dailyBars, instruments, lastQuotes } from "./schema";

type Row<T extends SQLiteTable> = T["$inferSelect"];

/**
 * `insert ... select` of any number of rows from one bound parameter (a JSON array of
 * arrays, in the table's column order, each value as drizzle encodes it), so a batch of
 * rows never meets D1's limit of 100 bound parameters. `where true` keeps SQLite from
 * reading the upsert's ON as a join constraint.
 */
function rowsFromJson<T extends SQLiteTable>(table: T, rows: Row<T>[]): SQL {
  const columns = Object.entries(getTableColumns(table)).filter(([, column]) => column.generated === undefined);
  const values = rows.map((row) => columns.map(([key, column]) => column.mapToDriverValue((row as Record<string, unknown>)[key]) as unknown));
  const picks = columns.map((_, i) => sql.raw(`value->>${i}`));
  return sql`select ${sql.join(picks, sql`, `)} from json_each(${JSON.stringify(values)}) where true`;
}

/** Every column but the conflict target takes the new row's value. */
function updateAllBut(table: SQLiteTable, target: SQLiteColumn[]): Record<string, SQL> {
  const columns = Object.entries(getTableColumns(table)).filter(([, column]) => !target.includes(column));
  return Object.fromEntries(columns.map(([key, column]) => [key, sql`excluded.${sql.identifier(column.name)}`]));
}

function upsert<T extends SQLiteTable>(db: Db, table: T, target: SQLiteColumn[], rows: Row<T>[]) {
  return db.insert(table).select(rowsFromJson(table, rows)).onConflictDoUpdate({ target, set: updateAllBut(table, target) });
}

export type InstrumentRow = Row<typeof instruments>;

export const readInstruments = (db: Db, symbols: string[]): Promise<InstrumentRow[]> =>
  db.select().from(instruments).where(inArray(instruments.symbol, jsonValues(symbols)));

export const upsertInstruments = (db: Db, found: Instrument[], refreshedAt: string) =>
  upsert(db, instruments, [instruments.symbol], found.map((instrument) => ({ ...instrument, refreshedAt })));

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const like = (column: SQLiteColumn, pattern: string) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;

/** Instruments whose symbol starts with, or whose name contains, the query (LIKE wildcards escaped). */
export function matchInstruments(db: Db, query: string, limit: number) {
  const escaped = escapeLike(query);
  const { symbol, name, exchange, instrumentType } = instruments;
  return db
    .select({ symbol, name, exchange, instrumentType })
    .from(instruments)
    .where(or(like(symbol, `${escaped.toUpperCase()}%`), like(name, `%${escaped}%`)))
    .limit(limit);
}

export async function readLastQuotes(db: Db, symbols: string[]): Promise<Quote[]> {
  const rows = await db.select({ quote: lastQuotes.quote }).from(lastQuotes).where(inArray(lastQuotes.symbol, jsonValues(symbols)));
  return rows.map((row) => row.quote);
}

export const upsertLastQuotes = (db: Db, quotes: Quote[], fetchedAt: number) =>
  upsert(db, lastQuotes, [lastQuotes.symbol], quotes.map((quote) => ({ symbol: quote.symbol, quote, asOf: quote.asOf, fetchedAt })));

export type Coverage = Row<typeof barCoverage>;

export const readCoverage = (db: Db, symbols: string[]): Promise<Coverage[]> =>
  db.select().from(barCoverage).where(inArray(barCoverage.symbol, jsonValues(symbols)));

export const upsertCoverage = (db: Db, coverage: Coverage) => upsert(db, barCoverage, [barCoverage.symbol], [coverage]);

/** Bars go in chunks: a bound parameter is a string, and D1 caps a row or string at 2 MB. */
const BARS_PER_STATEMENT = 1_000;

export function upsertBars(db: Db, symbol: string, bars: DailyBar[]) {
  const statements = [];
  for (let i = 0; i < bars.length; i += BARS_PER_STATEMENT) {
    const rows = bars.slice(i, i + BARS_PER_STATEMENT).map((bar) => ({ ...bar, symbol }));
    statements.push(upsert(db, dailyBars, [dailyBars.symbol, dailyBars.date], rows));
  }
  return statements;
}

export type StoredBar = Row<typeof dailyBars>;

/** Bars of every symbol from `from` on, per symbol oldest first. */
export const readBars = (db: Db, symbols: string[], from: string): Promise<StoredBar[]> =>
  db
    .select()
    .from(dailyBars)
    .where(and(inArray(dailyBars.symbol, jsonValues(symbols)), gte(dailyBars.date, from)))
    .orderBy(asc(dailyBars.symbol), asc(dailyBars.date));
