/**
 * Daily history: bars already stored in D1 are reused, and only the ranges outside a
 * symbol's stored coverage are fetched (the recent end again once it is older than a few
 * minutes, as today's bar moves). ONE_DAY and FIVE_DAYS are the last 1 and 5 trading days
 * whatever the weekday; every candle's change is against the previous bar's close.
 */
import type { Db } from "../../../shared/d1";
import type { Logger } from "../../../shared/logger";
import type { BatchItem } from "drizzle-orm/batch";
import { readBars, readCoverage, upsertBars, upsertCoverage, type Coverage, type StoredBar } from "./db/queries";
import { addDays, BEGINNING_OF_TIME, easternTime, LOOKBACK_DAYS, periodWindow } from "../../../shared/exchange-calendar";
import type { ProviderChain } from "./providers/chain";
import type { Candle, DailyBar, HistoryPeriod } from "./contract";

export interface HistoryDeps {
  chain: ProviderChain;
  db: Db;
  now: () => Date;
}

/** How long the recent end of a stored range is trusted before it is fetched again. */
export const RECENT_BARS_TTL_MS = 5 * 60_000;
export async function getHistory(deps: HistoryDeps, symbols: string[], period: HistoryPeriod, log: Logger): Promise<Record<string, Candle[]>> {
  const now = deps.now();
  const today = easternTime(now).date;
  const window = periodWindow(period, today);
  const readFrom = window.from === BEGINNING_OF_TIME ? window.from : addDays(window.from, -LOOKBACK_DAYS);

  const coverage = new Map((await readCoverage(deps.db, symbols)).map((c) => [c.symbol, c]));
  const writes = await Promise.all(symbols.map((symbol) => fillGaps(deps, symbol, coverage.get(symbol), readFrom, today, now, log)));
  const [first, ...rest] = writes.flat();
  if (first) await deps.db.batch([first, ...rest]);

  const bySymbol = Map.groupBy(await readBars(deps.db, symbols, readFrom), (bar: StoredBar) => bar.symbol);
  const history: Record<string, Candle[]> = {};
  for (const [symbol, bars] of bySymbol) {
    const candles = toCandles(bars);
    const inWindow = window.lastSessions ? candles.slice(-window.lastSessions) : candles.filter((c) => c.date >= window.from);
    if (inWindow.length > 0) history[symbol] = inWindow;
  }
  return history;
}

/** Fetches what the stored coverage lacks of [from, today]; returns the writes that store it. */
async function fillGaps(
  deps: HistoryDeps,
  symbol: string,
  covered: Coverage | undefined,
  from: string,
  today: string,
  now: Date,
  log: Logger,
): Promise<BatchItem<"sqlite">[]> {
  const fetch = async (start: string, end: string): Promise<DailyBar[] | undefined> => {
    try {
      return await deps.chain.history(symbol, start, end, now, log);
    } catch (error) {
      // Served from what is stored; the range stays uncovered so a later request retries it.
      log.warn("history fetch failed", { symbol, start, end, error });
      return undefined;
    }
  };
  if (!covered) {
    const bars = await fetch(from, today);
    // Nothing from any provider: an unknown symbol leaves no trace in the database.
    if (!bars || bars.length === 0) return [];
    return [...upsertBars(deps.db, symbol, bars), upsertCoverage(deps.db, { symbol, fromDate: from, toDate: today, checkedAt: now.getTime() })];
  }
  const needsHead = from < covered.fromDate;
  const needsTail = covered.toDate < today || now.getTime() - covered.checkedAt > RECENT_BARS_TTL_MS;
  if (!needsHead && !needsTail) return [];
  const [head, tail] = await Promise.all([
    needsHead ? fetch(from, covered.fromDate) : undefined,
    needsTail ? fetch(covered.toDate, today) : undefined,
  ]);
  const next: Coverage = {
    symbol,
    fromDate: head ? from : covered.fromDate,
    toDate: tail ? today : covered.toDate,
    checkedAt: tail ? now.getTime() : covered.checkedAt,
  };
  return [...upsertBars(deps.db, symbol, [...(head ?? []), ...(tail ?? [])]), upsertCoverage(deps.db, next)];
}

/** Candles with change against the previous bar's close (0 for the first of the series). */
export function toCandles(bars: DailyBar[]): Candle[] {
  return bars.map((bar, i) => {
    const previous = i > 0 ? bars[i - 1]!.close : bar.close;
    const change = bar.close - previous;
    return {
      date: bar.date,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      volume: bar.volume,
      change: Math.round(change * 10_000) / 10_000,
      changePercent: previous === 0 ? 0 : Math.round((change / previous) * 1_000_000) / 10_000,
    };
  });
}
