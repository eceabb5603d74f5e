/**
 * One symbol's resting orders (trading.md "Matching"): a SQLite-backed Durable Object,
 * named by the symbol, that the accounts tell about their OPEN limit and stop orders. While
 * it holds any, an alarm reads the symbol's quote and hands the orders that may act at it
 * to their accounts, oldest first; the account decides (it re-checks against its own
 * state), the book only forgets what the account says is over.
 */
import { DurableObject } from "cloudflare:workers";
import { formatDecimal, fromQuotePrice, parseDecimal, UNIT_SCALE } from "../../../../shared/decimal";
import { createLogger } from "../../../../shared/logger";
import { easternTime, isTradingDay, OPEN_MINUTES } from "../../../../shared/exchange-calendar";
import { loadTradingConfig } from "../config";
import { actsAt } from "../matching";
import type { AccountMatchingRpc, BookQuote, MatchOutcome, RestingOrder, SymbolBookRpc } from "./protocol";

/**
 * trading.md: a resting order is checked within 5 s of a quote change. The stock service
 * caches a quote for up to 30 s, so most polls see the same quote and stop at the asOf check.
 */
export const POLL_MS = 2_000;

/**
 * TRADING_HOURS=exchange outside REGULAR hours nothing may match, so a read of the quote is
 * wasted; polling once a minute instead of every 2 s saves 29 of 30 stock calls per symbol
 * while the venue is closed. Around the open it polls at POLL_MS again, so the first REGULAR
 * quote is seen within seconds (holidays cost a few minutes of quick polls, nothing more).
 */
export const CLOSED_POLL_MS = 60_000;
const OPENING_WINDOW_MINUTES = { from: OPEN_MINUTES - 1, to: OPEN_MINUTES + 6 };

/** Outcomes after which the order is no longer the book's to watch. */
const OVER: ReadonlySet<MatchOutcome> = new Set(["FILLED", "REJECTED", "NOT_OPEN"]);

const SCHEMA = `
CREATE TABLE IF NOT EXISTS resting (
  order_id TEXT PRIMARY KEY,
  account_name TEXT NOT NULL,
  side TEXT NOT NULL,
  type TEXT NOT NULL,
  limit_price TEXT,
  stop_price TEXT,
  triggered INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  seq INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS book_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`;

interface RestingRow extends Record<string, SqlStorageValue> {
  order_id: string;
  account_name: string;
  side: RestingOrder["side"];
  type: RestingOrder["type"];
  limit_price: string | null;
  stop_price: string | null;
  triggered: number;
  created_at: string;
}

/** The book's view of the stock service: only what it reads (the binding in production, a fake in tests). */
export interface BookQuoteSource {
  quotes(meta: { requestId: string }, symbols: string[]): Promise<{ ok: true; value: Record<string, { price: number; asOf: string; marketState: string }> } | { ok: false; error: { message: string } }>;
}

/** The accounts as the book reaches them. */
export interface BookAccounts {
  getByName(name: string): Pick<AccountMatchingRpc, "matchResting">;
}

const price = (text: string | null): bigint | null => (text === null ? null : parseDecimal(text, UNIT_SCALE));

/** The rows that may act at `at` (matching.ts actsAt), oldest first, grouped by account in that order. */
export function dueByAccount(rows: readonly RestingRow[], at: bigint): Map<string, string[]> {
  const due = new Map<string, string[]>();
  for (const row of rows) {
    const trigger = { side: row.side, type: row.type, limitPrice: price(row.limit_price), stopPrice: price(row.stop_price), triggered: row.triggered === 1 };
    if (!actsAt(trigger, at)) continue;
    const ids = due.get(row.account_name) ?? [];
    ids.push(row.order_id);
    due.set(row.account_name, ids);
  }
  return due;
}

/** When the next poll should be, given the last quote's market state. */
export function nextPollAt(now: number, marketState: string | null, tradingHours: string): number {
  if (tradingHours !== "exchange" || marketState === null || marketState === "REGULAR") return now + POLL_MS;
  const { date, minutes } = easternTime(new Date(now));
  const nearOpen = isTradingDay(date) && minutes >= OPENING_WINDOW_MINUTES.from && minutes < OPENING_WINDOW_MINUTES.to;
  return now + (nearOpen ? POLL_MS : CLOSED_POLL_MS);
}

export class SymbolBook extends DurableObject<TradingEnv> implements SymbolBookRpc {
  #sql = this.ctx.storage.sql;
  #log = createLogger({ service: "trading", level: "info" }).with({ component: "symbol-book" });

  constructor(ctx: DurableObjectState, env: TradingEnv) {
    super(ctx, env);
    this.#sql.exec(SCHEMA);
  }

  /** Idempotent by order id; the alarm is set only when none is, so placements never push it out. */
  async track(order: RestingOrder): Promise<void> {
    this.#rememberSymbol();
    const seq = Number(this.#sql.exec("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM resting").one().n);
    this.#sql.exec(
      `INSERT INTO resting VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (order_id) DO UPDATE SET triggered = excluded.triggered`,
      order.orderId,
      order.accountName,
      order.side,
      order.type,
      order.limitPrice,
      order.stopPrice,
      order.triggered ? 1 : 0,
      order.createdAt,
      seq,
    );
    // A new order may act at the quote the last poll skipped as unchanged.
    this.#setState("unmatched", "1");
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + POLL_MS);
  }

  async untrack(orderId: string): Promise<void> {
    this.#sql.exec("DELETE FROM resting WHERE order_id = ?", orderId);
    if (this.#count() === 0) await this.ctx.storage.deleteAlarm();
  }

  /** How many orders the book holds (tests, bench). */
  resting(): number {
    return this.#count();
  }

  /**
   * One poll. A throw (the stock service or an account failing) leaves the alarm to the
   * platform's retry with back-off; that is safe because an account's fill is idempotent
   * by order id and refused once the order is no longer OPEN.
   */
  override async alarm(): Promise<void> {
    if (this.#count() === 0) return;
    const symbol = this.#state("symbol")!;
    const quote = await this.#quote(symbol);
    let marketState: string | null = quote?.marketState ?? null;
    if (quote && this.#shouldMatch(quote)) await this.#match(quote);
    else if (!quote) marketState = null;
    if (this.#count() > 0) await this.ctx.storage.setAlarm(nextPollAt(Date.now(), marketState, this.#tradingHours()));
  }

  #shouldMatch(quote: BookQuote): boolean {
    if (this.#tradingHours() === "exchange" && quote.marketState !== "REGULAR") return false;
    const seen = this.#state("matched") === `${quote.price}@${quote.asOf}`;
    return !seen || this.#state("unmatched") === "1";
  }

  async #match(quote: BookQuote): Promise<void> {
    const rows = this.#sql.exec<RestingRow>("SELECT * FROM resting ORDER BY created_at, seq").toArray();
    this.#setState("unmatched", "0");
    const due = dueByAccount(rows, parseDecimal(quote.price, UNIT_SCALE)!);
    const answers = await Promise.allSettled([...due].map(([name, ids]) => this.#accounts().getByName(name).matchResting(ids, quote)));
    let failed: unknown = null;
    for (const answer of answers) {
      if (answer.status === "rejected") failed ??= answer.reason;
      else for (const { orderId, outcome } of answer.value) this.#apply(orderId, outcome);
    }
    if (failed !== null) {
      // Matched again on the retry, whatever the quote then is.
      this.#setState("unmatched", "1");
      this.#log.error("matching failed", { symbol: this.#state("symbol"), error: failed });
      throw failed;
    }
    this.#setState("matched", `${quote.price}@${quote.asOf}`);
  }

  #apply(orderId: string, outcome: MatchOutcome): void {
    if (OVER.has(outcome)) this.#sql.exec("DELETE FROM resting WHERE order_id = ?", orderId);
    else if (outcome === "TRIGGERED") this.#sql.exec("UPDATE resting SET triggered = 1 WHERE order_id = ?", orderId);
  }

  /** The symbol's quote as the book matches against it; null when the stock service has none. */
  async #quote(symbol: string): Promise<BookQuote | null> {
    const answer = await this.#stock().quotes({ requestId: `symbol-book:${symbol}:${Date.now()}` }, [symbol]);
    if (!answer.ok) throw new Error(`stock.quotes failed: ${answer.error.message}`);
    const quote = answer.value[symbol];
    if (!quote) return null;
    return { price: formatDecimal(fromQuotePrice(quote.price), UNIT_SCALE), asOf: quote.asOf, marketState: quote.marketState };
  }

  // The bindings as the book uses them: typed by what it calls, so tests can script both.
  #stock = (): BookQuoteSource => this.env.STOCK as unknown as BookQuoteSource;
  #accounts = (): BookAccounts => this.env.ACCOUNTS as unknown as BookAccounts;

  /** The book is named by its symbol; it keeps the name, since an alarm's id may not carry it. */
  #rememberSymbol(): void {
    if (this.#state("symbol") !== null) return;
    const symbol = this.ctx.id.name;
    if (!symbol) throw new Error("a symbol book must be reached by name (SYMBOLS.getByName(symbol))");
    this.#setState("symbol", symbol);
  }

  #tradingHours = (): string => loadTradingConfig(this.env).TRADING_HOURS;

  #count = (): number => Number(this.#sql.exec("SELECT COUNT(*) AS n FROM resting").one().n);

  #state(key: string): string | null {
    const row = this.#sql.exec<{ value: string }>("SELECT value FROM book_state WHERE key = ?", key).toArray()[0];
    return row?.value ?? null;
  }

  #setState(key: string, value: string): void {
    this.#sql.exec("INSERT INTO book_state VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }
}
