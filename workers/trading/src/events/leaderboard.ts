/**
 * The leaderboard (trading.md "History and leaderboard"): the accounts whose owner turned
 * onLeaderboard on, ranked by total return at current quotes, from the read model only.
 *
 * totalReturnPercent = (cash + Σ quantity × price − netDeposits) / netDeposits × 100, the
 * equity in cents exactly (shared/decimal.ts); ranks compare the exact fractions, ties go to
 * the earlier `since`. Refreshed by the cron every minute, and on read once older than
 * 60 s (wrangler dev fires no crons), so it never lags by more than that.
 */
import { asc, eq, sql } from "drizzle-orm";
import { CASH_SCALE, cashAmount, fromQuotePrice, parseDecimal, percentOf, UNIT_SCALE } from "../../../../shared/decimal";
import type { Db } from "../../../../shared/d1";
import { MAX_SYMBOLS_PER_CALL } from "../../../stock/src/contract";
import type { LeaderboardRow } from "../contract";
import { accountFigures, leaderboard, readModelState } from "../db/schema";

export const LEADERBOARD_MAX_AGE_MS = 60_000;
const REFRESHED_AT = "leaderboard_refreshed_at";
/** D1 binds at most 100 parameters per statement; a row has 5. */
const ROWS_PER_STATEMENT = 20;

/** Prices (scale 4) of the symbols asked, absent when the stock service has no quote. */
export type PriceSource = (symbols: string[]) => Promise<Map<string, bigint>>;

type Figures = typeof accountFigures.$inferSelect;

interface Ranked {
  figures: Figures;
  /** equity − netDeposits, in cents. */
  gain: bigint;
  netDeposits: bigint;
}

/** STOCK.quotes in batches of 100 symbols, the floats converted once. */
export function quotePrices(quotes: (symbols: string[]) => Promise<Record<string, { price: number }>>): PriceSource {
  return async (symbols) => {
    const prices = new Map<string, bigint>();
    for (let i = 0; i < symbols.length; i += MAX_SYMBOLS_PER_CALL) {
      const found = await quotes(symbols.slice(i, i + MAX_SYMBOLS_PER_CALL));
      for (const [symbol, quote] of Object.entries(found)) prices.set(symbol, fromQuotePrice(quote.price));
    }
    return prices;
  };
}

/** null when a held symbol has no quote (valued at nothing would misrank it; it sits this refresh out). */
function rankable(figures: Figures, prices: Map<string, bigint>): Ranked | null {
  let equity = parseDecimal(figures.cash, CASH_SCALE)!;
  for (const position of figures.positions) {
    const price = prices.get(position.symbol);
    if (price === undefined) return null;
    equity += cashAmount(parseDecimal(position.quantity, UNIT_SCALE)!, price);
  }
  const netDeposits = parseDecimal(figures.netDeposits, CASH_SCALE)!;
  return { figures, gain: equity - netDeposits, netDeposits };
}

/** Higher return first (exact: a/b > c/d as a·d > c·b, deposits being positive), then earlier since, then id. */
function byReturn(a: Ranked, b: Ranked): number {
  const left = a.gain * b.netDeposits;
  const right = b.gain * a.netDeposits;
  if (left !== right) return left > right ? -1 : 1;
  if (a.figures.since !== b.figures.since) return a.figures.since < b.figures.since ? -1 : 1;
  return a.figures.accountId < b.figures.accountId ? -1 : 1;
}

/** The ranking at `prices` (pure). */
export function rank(accounts: Figures[], prices: Map<string, bigint>): (typeof leaderboard.$inferInsert)[] {
  const ranked = accounts
    .map((figures) => rankable(figures, prices))
    .filter((r): r is Ranked => r !== null && r.netDeposits > 0n)
    .sort(byReturn);
  return ranked.map((r, i) => ({
    rank: i + 1,
    accountId: r.figures.accountId,
    userId: r.figures.userId,
    totalReturnPercent: percentOf(r.gain, r.netDeposits)!,
    since: r.figures.since,
  }));
}

/** Rebuilds the ranking from the read model at current prices, in one D1 batch. */
export async function refreshLeaderboard(db: Db, prices: PriceSource, now: Date): Promise<number> {
  const visible = await db.select().from(accountFigures).where(eq(accountFigures.onLeaderboard, true));
  const symbols = [...new Set(visible.flatMap((a) => a.positions.map((p) => p.symbol)))].sort();
  const rows = rank(visible, symbols.length ? await prices(symbols) : new Map());
  const inserts = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) inserts.push(db.insert(leaderboard).values(rows.slice(i, i + ROWS_PER_STATEMENT)));
  const stamp = db
    .insert(readModelState)
    .values({ key: REFRESHED_AT, value: now.toISOString() })
    .onConflictDoUpdate({ target: readModelState.key, set: { value: sql`excluded.value` } });
  await db.batch([db.delete(leaderboard), ...inserts, stamp]);
  return rows.length;
}

async function refreshedAt(db: Db): Promise<number | null> {
  const [row] = await db.select({ value: readModelState.value }).from(readModelState).where(eq(readModelState.key, REFRESHED_AT));
  return row ? Date.parse(row.value) : null;
}

/**
 * The first `first` rows, refreshed first when the ranking is older than 60 s. A failing
 * refresh (the stock service down) serves the last ranking rather than none: `onStale` is told.
 */
export async function leaderboardTop(
  db: Db,
  first: number,
  prices: PriceSource,
  now: Date,
  onStale: (error: unknown) => void,
): Promise<LeaderboardRow[]> {
  const at = await refreshedAt(db);
  if (at === null || now.getTime() - at > LEADERBOARD_MAX_AGE_MS) {
    await refreshLeaderboard(db, prices, now).catch(onStale);
  }
  const rows = await db.select().from(leaderboard).orderBy(asc(leaderboard.rank)).limit(first);
  // Numbered as served: an account removed since the refresh leaves no gap.
  return rows.map(({ userId, totalReturnPercent, since }, i) => ({ rank: i + 1, userId, totalReturnPercent, since }));
}
