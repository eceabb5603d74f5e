/**
 * One trading account (trading.md): a SQLite-backed Durable Object per user
 * (`ACCOUNTS.getByName(userId)`). Every change follows one shape (SPIKE.md 2): gather the
 * external inputs first (awaits), then ONE `transactionSync` that re-reads, decides and
 * writes through ledger.ts, outbox event included; what must follow the decision (the
 * symbol book's tracking, the queue send) happens after the commit and is best effort, as
 * the account stays the source of truth.
 */
import { DurableObject } from "cloudflare:workers";
import { cashAmount, formatDecimal, parseDecimal, UNIT_SCALE } from "../../../../shared/decimal";
import { createLogger, type Logger } from "../../../../shared/logger";
import { createMetrics } from "../../../../shared/metrics";
import { success, type CallMeta, type RpcResult } from "../../../../shared/rpc";
import type { RpcCaller } from "../../../../shared/rpc-client";
import { easternTime } from "../../../../shared/exchange-calendar";
import type { HistoryPeriod } from "../../../stock/src/contract";
import type { BookQuote, MatchOutcome, RestingOrder } from "../book/protocol";
import { loadTradingConfig } from "../config";
import type { AccountState, ActivityEntryState, EquityPoint, OrderState, OrderStatus, Page } from "../contract";
import { systemClock, type Clock } from "./clock";
import { equityPoints, symbolsTraded, weekdaysOf, type DailyClose } from "./equity";
import * as ledger from "./ledger";
import { currentQuotes, dailyCloses, marketFacts, type StockSource } from "./market";
import { enqueue, markSent, pendingEvents, removalEvent } from "./outbox";
import { accountView, activityPage, currentAccount, equityLedger, ordersPage, parseCursor } from "./reads";
import { orderState, type AccountRecord, type OrderRecord } from "./records";
import { createSchema } from "./schema";
import { nextExpiry, readAccount, readOpenOrders, readOrder, readOrderByClientId, readPositions, readUntrackedOrders } from "./state";
import type { Row, Sql } from "./sql";
import { OrderWatchers } from "./watchers";

/** How soon the alarm tries again to send what the outbox still holds, or to hand an order to its book. */
export const RETRY_MS = 5_000;

export interface PageArguments {
  first: number;
  after: string | null;
}

export class TradingAccount extends DurableObject<TradingEnv> {
  #sql: Sql = { exec: (query, ...params) => this.ctx.storage.sql.exec(query, ...params).toArray() as Row[] };
  #draining: Promise<void> | null = null;
  #retryAt: number | null = null;

  readonly #watchers = new OrderWatchers();

  constructor(ctx: DurableObjectState, env: TradingEnv) {
    super(ctx, env);
    // Synchronous SQL: nothing can run before it ends, so no blockConcurrencyWhile.
    createSchema(this.ctx.storage.sql);
  }

  account(): RpcResult<AccountState | null> {
    return success(currentAccount(this.#sql));
  }

  open(userId: string): RpcResult<AccountState> {
    const account = this.#change(() => accountView(this.#sql, ledger.openAccount(this.#sql, userId, this.#venue(), systemClock())));
    return success(account);
  }

  deposit(cents: bigint): RpcResult<AccountState> {
    return this.#change(() => viewed(this.#sql, ledger.deposit(this.#sql, cents, systemClock())));
  }

  setVisibility(visible: boolean): RpcResult<AccountState> {
    return this.#change(() => viewed(this.#sql, ledger.setVisibility(this.#sql, visible, systemClock())));
  }

  async reset(): Promise<RpcResult<AccountState>> {
    const outcome = this.#change(() => ledger.resetAccount(this.#sql, this.#venue(), systemClock()));
    if (!outcome.ok) return outcome;
    this.#untrack(outcome.value.canceled);
    await this.#schedule();
    return success(accountView(this.#sql, outcome.value.account));
  }

  async placeOrder(meta: CallMeta, order: ledger.NewOrder): Promise<RpcResult<OrderState>> {
    if (!readAccount(this.#sql)) return ledger.noAccount();
    // An earlier order with this clientOrderId needs no quote (checked again inside the transaction).
    const earlier = order.clientOrderId === null ? null : readOrderByClientId(this.#sql, order.clientOrderId);
    if (earlier) return success(orderState(earlier));
    const facts = await marketFacts(this.#stock(), this.#caller(meta), meta, order.symbol);
    const placed = this.#change(() => ledger.placeOrder(this.#sql, order, facts, this.#venue(), systemClock()));
    if (!placed.ok) return placed;
    this.#publish([placed.value.order]);
    if (placed.value.rests) {
      await this.#track(placed.value.order, meta);
      await this.#schedule();
    }
    return success(orderState(placed.value.order));
  }

  async cancelOrder(orderId: string): Promise<RpcResult<OrderState>> {
    const canceled = this.#change(() => ledger.cancelOrder(this.#sql, orderId, systemClock()));
    if (!canceled.ok) return canceled;
    this.#publish([canceled.value]);
    this.#untrack([canceled.value]);
    await this.#schedule();
    return success(orderState(canceled.value));
  }

  /** book/protocol.ts: the symbol book hands over orders that may act at `quote`; the account decides. */
  matchResting(orderIds: string[], quote: BookQuote): { orderId: string; outcome: MatchOutcome }[] {
    const price = parseDecimal(quote.price, UNIT_SCALE);
    if (price === null || price <= 0n) return orderIds.map((orderId) => ({ orderId, outcome: "NOT_MATCHED" as const }));
    const outcomes = this.#change(() => ledger.matchResting(this.#sql, orderIds, { price, marketState: quote.marketState }, this.#venue(), systemClock()));
    const acted = outcomes.filter((o) => o.outcome === "FILLED" || o.outcome === "REJECTED");
    this.#publish(acted.flatMap((o) => readOrder(this.#sql, o.orderId) ?? []));
    if (acted.length) this.ctx.waitUntil(this.#schedule());
    return outcomes.map(({ orderId, outcome }) => ({ orderId, outcome }));
  }

  orders(request: PageArguments & { status: OrderStatus | null }): RpcResult<Page<OrderState>> {
    if (!readAccount(this.#sql)) return ledger.noAccount();
    const after = parseCursor(request.after);
    if (!after.ok) return after;
    return success(ordersPage(this.#sql, request.first, after.value, request.status));
  }

  order(orderId: string): RpcResult<OrderState | null> {
    if (!readAccount(this.#sql)) return ledger.noAccount();
    const order = readOrder(this.#sql, orderId);
    return success(order ? orderState(order) : null);
  }

  activity(request: PageArguments): RpcResult<Page<ActivityEntryState>> {
    if (!readAccount(this.#sql)) return ledger.noAccount();
    const after = parseCursor(request.after);
    if (!after.ok) return after;
    return success(activityPage(this.#sql, request.first, after.value));
  }

  /** From the ledger since the opening or last reset, and one batched history call for the symbols it held. */
  async equityHistory(meta: CallMeta, period: HistoryPeriod): Promise<RpcResult<EquityPoint[]>> {
    const account = readAccount(this.#sql);
    if (!account) return ledger.noAccount();
    const days = equityLedger(this.#sql);
    const positions = readPositions(this.#sql);
    const caller = this.#caller(meta);
    const symbols = symbolsTraded(days);
    const [closes, quotes] = await Promise.all([
      symbols.length ? dailyCloses(this.#stock(), caller, meta, symbols, period) : Promise.resolve<Record<string, DailyClose[]>>({}),
      currentQuotes(this.#stock(), caller, meta, positions.map((p) => p.symbol)),
    ]);
    const today = easternTime(new Date()).date;
    const tradingDays = symbols.length ? Object.values(closes).flatMap((bars) => bars.map((bar) => bar.date)) : weekdaysOf(period, today, days[0]!.date);
    // A position without a quote now is valued at its cost (the best the account knows).
    const positionsValue = positions.reduce((sum, p) => sum + (quotes[p.symbol] ? cashAmount(p.quantity, quotes[p.symbol]!.price) : p.costBasis), 0n);
    return success(equityPoints({ ledger: days, days: tradingDays, closes, today, currentEquity: account.cash + positionsValue }));
  }

  /**
   * Account deletion: the ACCOUNT_REMOVED event goes into the outbox and the account row
   * goes in one transaction (every later change then finds no account), the outbox is sent
   * (on a failure the storage stays, answering as no account, and the caller's retry
   * resumes here), then the storage and the alarm are wiped. Idempotent. False when the
   * send failed.
   */
  async remove(): Promise<boolean> {
    const open = this.ctx.storage.transactionSync(() => {
      const account = readAccount(this.#sql);
      if (!account) return [];
      const orders = readOpenOrders(this.#sql);
      enqueue(this.#sql, removalEvent(account, systemClock()));
      this.#sql.exec("DELETE FROM account");
      return orders;
    });
    this.#untrack(open);
    try {
      await this.#drain();
    } catch (error) {
      this.#log().warn("removal: the outbox could not be sent; the storage is wiped on the retry", { error: error instanceof Error ? error : String(error) });
      return false;
    }
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.#retryAt = null;
    createSchema(this.ctx.storage.sql);
    return true;
  }

  /** DAY and GTC expiry and the outbox's retry share the one alarm. */
  override async alarm(): Promise<void> {
    await this.expireDue(new Date());
  }

  /** Expires what is due at `now` (the alarm's time; tests pass their own clock), sends the outbox, sets the next alarm. */
  async expireDue(now: Date): Promise<OrderState[]> {
    const clock: Clock = { now, newId: () => crypto.randomUUID() };
    const expired = this.#change(() => ledger.expireOrders(this.#sql, clock));
    this.#untrack(expired);
    this.#publish(expired);
    this.#retryAt = null;
    await this.#drain().catch((error: unknown) => this.#sendFailed(error));
    for (const order of readUntrackedOrders(this.#sql)) await this.#track(order);
    await this.#schedule();
    return expired.map(orderState);
  }

  /** A live stream of this account's changed orders (the OrderState `order()` answers), from now on. */
  watchOrders(): ReadableStream<Uint8Array> {
    return this.#watchers.open();
  }

  /** After the commit: the watchers see only what was stored. */
  #publish(orders: OrderRecord[]): void {
    if (orders.length) this.#watchers.publish(orders.map(orderState));
  }

  /** One transaction, then the outbox is sent in the background. */
  #change<T>(decide: () => T): T {
    const result = this.ctx.storage.transactionSync(decide);
    this.ctx.waitUntil(this.#drain().catch((error: unknown) => this.#sendFailed(error)));
    return result;
  }

  /** Sends the outbox until it is empty; one drain at a time (a change during a send is sent by the same drain). */
  #drain(): Promise<void> {
    this.#draining ??= (async () => {
      try {
        for (let batch = pendingEvents(this.#sql); batch.length > 0; batch = pendingEvents(this.#sql)) {
          await this.env.EVENTS.sendBatch(batch.map(({ event }) => ({ body: event, contentType: "json" as const })));
          markSent(this.#sql, batch.map(({ seq }) => seq));
        }
      } finally {
        this.#draining = null;
      }
    })();
    return this.#draining;
  }

  async #sendFailed(error: unknown): Promise<void> {
    this.#log().warn("outbox send failed; the alarm retries", { error: error instanceof Error ? error : String(error) });
    await this.#retryLater();
  }

  async #retryLater(): Promise<void> {
    this.#retryAt = Date.now() + RETRY_MS;
    await this.#schedule();
  }

  /** The alarm at the earliest of the next expiry and the outbox's retry; none when neither is due. */
  async #schedule(): Promise<void> {
    const expiry = nextExpiry(this.#sql);
    const due = [expiry, this.#retryAt].filter((at): at is number => at !== null);
    const next = due.length ? Math.min(...due) : null;
    const current = await this.ctx.storage.getAlarm();
    if (next === null) {
      if (current !== null) await this.ctx.storage.deleteAlarm();
    } else if (current !== next) {
      await this.ctx.storage.setAlarm(next);
    }
  }

  /**
   * Reserve-then-await: the order and its reservation are committed before the book hears
   * of it. A book that does not answer gets it again from the alarm.
   */
  async #track(order: OrderRecord, meta?: CallMeta): Promise<void> {
    const resting: RestingOrder = {
      accountName: readAccount(this.#sql)!.userId,
      orderId: order.id,
      side: order.side,
      type: order.type,
      limitPrice: order.limitPrice === null ? null : formatDecimal(order.limitPrice, UNIT_SCALE),
      stopPrice: order.stopPrice === null ? null : formatDecimal(order.stopPrice, UNIT_SCALE),
      triggered: order.triggeredAt !== null,
      createdAt: order.createdAt,
    };
    try {
      await this.#book(order.symbol).track(resting);
      this.#sql.exec("UPDATE orders SET tracked = 1 WHERE id = ?", order.id);
    } catch (error) {
      this.#log(meta).error("symbol book did not take the order; the alarm hands it over again", { orderId: order.id, error: error instanceof Error ? error : String(error) });
      await this.#retryLater();
    }
  }

  /** Best effort: a book that keeps an order the account ended hears NOT_OPEN at its next match. */
  #untrack(orders: OrderRecord[]): void {
    for (const order of orders) {
      this.ctx.waitUntil(this.#book(order.symbol).untrack(order.id).catch(() => undefined));
    }
  }

  #book = (symbol: string) => this.env.SYMBOLS.getByName(symbol);
  #stock = (): StockSource => this.env.STOCK as unknown as StockSource;

  #venue(): ledger.Venue {
    const config = loadTradingConfig(this.env);
    return { tradingHours: config.TRADING_HOURS, startingCash: config.STARTING_CASH };
  }

  #log(meta?: CallMeta): Logger {
    return createLogger({ service: "trading", requestId: meta?.requestId, level: loadTradingConfig(this.env).LOG_LEVEL });
  }

  #caller(meta: CallMeta): RpcCaller {
    const waitUntil = (work: Promise<unknown>) => this.ctx.waitUntil(work);
    return { metrics: createMetrics(this.env.METRICS, "trading", waitUntil), log: this.#log(meta), timeoutMs: loadTradingConfig(this.env).RPC_TIMEOUT_MS };
  }
}

/** A ledger answer about the account, as the contract's AccountState. */
function viewed(sql: Sql, result: RpcResult<AccountRecord>): RpcResult<AccountState> {
  return result.ok ? success(accountView(sql, result.value)) : result;
}
