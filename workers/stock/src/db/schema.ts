import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { InstrumentType, Quote } from "../contract";

export const instruments = sqliteTable(
  "instruments",
  {
    symbol: text("symbol").primaryKey(),
    name: text("name").notNull(),
    exchange: text("exchange").notNull(),
    exchangeFullName: text("exchange_full_name").notNull(),
    currency: text("currency").notNull(),
    instrumentType: text("instrument_type").$type<InstrumentType>().notNull(),
    /** When the metadata was last refreshed from a provider (ISO-8601). */
    refreshedAt: text("refreshed_at").notNull(),
  },
  (t) => [index("instruments_name_idx").on(t.name)],
);

/** The last quote each provider chain produced: served with `stale` when providers fail. */
export const lastQuotes = sqliteTable("last_quotes", {
  symbol: text("symbol").primaryKey(),
  quote: text("quote", { mode: "json" }).$type<Quote>().notNull(),
  asOf: text("as_of").notNull(),
  fetchedAt: integer("fetched_at").notNull(),
});

export const dailyBars = sqliteTable(
  "daily_bars",
  {
    symbol: text("symbol").notNull(),
    date: text("date").notNull(),
    open: real("open").notNull(),
    high: real("high").notNull(),
    low: real("low").notNull(),
    close: real("close").notNull(),
    volume: real("volume").notNull(),
  },
  (t) => [primaryKey({ columns: [t.symbol, t.date] })],
);

/**
 * The date range of daily bars already fetched per symbol (a provider may have no bars in
 * part of it: an IPO, a holiday), so stored bars are reused and only what lies outside is
 * fetched. `checkedAt` (epoch ms) dates the last fetch of the range's recent end.
 */
export const barCoverage = sqliteTable("bar_coverage", {
  symbol: text("symbol").primaryKey(),
  fromDate: text("from_date").notNull(),
  toDate: text("to_date").notNull(),
  checkedAt: integer("checked_at").notNull(),
});
