/** The stock service's SQL, one function per statement. */
import type { DailyBar, Instrument, InstrumentType, Quote } from "../contract";
import type { Database, Statement } from "./database";

const IN_LIST = "(SELECT value FROM json_each(?1))";

interface InstrumentRow extends Instrument {
  refreshedAt: string;
}

const INSTRUMENT_COLUMNS =
  "symbol, name, exchange, exchange_full_name AS exchangeFullName, currency, instrument_type AS instrumentType, refreshed_at AS refreshedAt";

export const readInstruments = (db: Database, symbols: string[]): Promise<InstrumentRow[]> =>
  db.query<InstrumentRow>(`SELECT ${INSTRUMENT_COLUMNS} FROM instruments WHERE symbol IN ${IN_LIST}`, JSON.stringify(symbols));

export function upsertInstruments(instruments: Instrument[], refreshedAt: string): Statement {
  return {
    sql: `INSERT INTO instruments (symbol, name, exchange, exchange_full_name, currency, instrument_type, refreshed_at)
      SELECT value->>'symbol', value->>'name', value->>'exchange', value->>'exchangeFullName', value->>'currency', value->>'instrumentType', ?2
      FROM json_each(?1) WHERE true
      ON CONFLICT (symbol) DO UPDATE SET name = excluded.name, exchange = excluded.exchange,
        exchange_full_name = excluded.exchange_full_name, currency = excluded.currency,
        instrument_type = excluded.instrument_type, refreshed_at = excluded.refreshed_at`,
    params: [JSON.stringify(instruments), refreshedAt],
  };
}

/** Instruments whose symbol starts with, or whose name contains, the query (LIKE wildcards escaped). */
export function matchInstruments(db: Database, query: string, limit: number): Promise<{ symbol: string; name: string; exchange: string; instrumentType: InstrumentType }[]> {
  const escaped = query.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db.query(
    `SELECT symbol, name, exchange, instrument_type AS instrumentType FROM instruments
     WHERE symbol LIKE ?1 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' LIMIT ?3`,
    `${escaped.toUpperCase()}%`,
    `%${escaped}%`,
    limit,
  );
}

export async function readLastQuotes(db: Database, symbols: string[]): Promise<Quote[]> {
  const rows = await db.query<{ quote: string }>(`SELECT quote FROM last_quotes WHERE symbol IN ${IN_LIST}`, JSON.stringify(symbols));
  return rows.map((row) => JSON.parse(row.quote) as Quote);
}

export function upsertLastQuotes(quotes: Quote[], fetchedAt: number): Statement {
  return {
    sql: `INSERT INTO last_quotes (symbol, quote, as_of, fetched_at)
      SELECT value->>'symbol', json(value), value->>'asOf', ?2 FROM json_each(?1) WHERE true
      ON CONFLICT (symbol) DO UPDATE SET quote = excluded.quote, as_of = excluded.as_of, fetched_at = excluded.fetched_at`,
    params: [JSON.stringify(quotes), fetchedAt],
  };
}

export interface Coverage {
  symbol: string;
  fromDate: string;
  toDate: string;
  checkedAt: number;
}

export const readCoverage = (db: Database, symbols: string[]): Promise<Coverage[]> =>
  db.query<Coverage>(
    `SELECT symbol, from_date AS fromDate, to_date AS toDate, checked_at AS checkedAt FROM bar_coverage WHERE symbol IN ${IN_LIST}`,
    JSON.stringify(symbols),
  );

export function upsertCoverage(coverage: Coverage): Statement {
  return {
    sql: `INSERT INTO bar_coverage (symbol, from_date, to_date, checked_at) VALUES (?1, ?2, ?3, ?4)
      ON CONFLICT (symbol) DO UPDATE SET from_date = excluded.from_date, to_date = excluded.to_date, checked_at = excluded.checked_at`,
    params: [coverage.symbol, coverage.fromDate, coverage.toDate, coverage.checkedAt],
  };
}

/** Bars go in chunks: a bound parameter is a string, and D1 caps a row or string at 2 MB. */
const BARS_PER_STATEMENT = 1_000;

export function upsertBars(symbol: string, bars: DailyBar[]): Statement[] {
  const statements: Statement[] = [];
  for (let i = 0; i < bars.length; i += BARS_PER_STATEMENT) {
    const rows = bars.slice(i, i + BARS_PER_STATEMENT).map((b) => [b.date, b.open, b.high, b.low, b.close, b.volume]);
    statements.push({
      sql: `INSERT INTO daily_bars (symbol, date, open, high, low, close, volume)
        SELECT ?1, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5 FROM json_each(?2) WHERE true
        ON CONFLICT (symbol, date) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
          close = excluded.close, volume = excluded.volume`,
      params: [symbol, JSON.stringify(rows)],
    });
  }
  return statements;
}

export interface StoredBar extends DailyBar {
  symbol: string;
}

/** Bars of every symbol from `from` on, per symbol oldest first. */
export const readBars = (db: Database, symbols: string[], from: string): Promise<StoredBar[]> =>
  db.query<StoredBar>(
    `SELECT symbol, date, open, high, low, close, volume FROM daily_bars
     WHERE symbol IN ${IN_LIST} AND date >= ?2 ORDER BY symbol, date`,
    JSON.stringify(symbols),
    from,
  );
