/**
 * One symbol's live quotes (contract.ts watchQuotes): every watcher of the symbol, in any
 * gateway, reads a stream this one object writes, so the symbol costs the same however many
 * watch it.
 *
 * - While it has watchers, its alarm asks getQuotes once per freshness window: the cache
 *   answers, or at most one provider fetch does (the freshness window is also the cache's).
 * - When the stock service fetches a quote from a provider for any caller (a `quotes` call),
 *   the entrypoint offers it here at once: the feed sees a new quote as soon as the service
 *   serves one, not a window later.
 * - A quote is published only when it is new (another asOf or price).
 * Watchers live in memory: a restart of the object ends their streams, and clients reconnect.
 */
import { DurableObject } from "cloudflare:workers";
import { createLogger } from "../../../../shared/logger";
import { liveStream, type LiveStreamWriter } from "../../../../shared/live-stream";
import { createMetrics } from "../../../../shared/metrics";
import { loadStockConfig } from "../config";
import type { Quote, QuoteUpdate } from "../contract";
import { createDeps, type StockDeps } from "../deps";
import { getQuotes } from "../quotes";

const isNew = (last: Quote | undefined, quote: Quote) => !last || last.asOf !== quote.asOf || last.price !== quote.price;

export class QuoteFeed extends DurableObject<StockEnv> {
  #watchers = new Set<LiveStreamWriter<QuoteUpdate>>();
  #symbol: string | undefined;
  #last: Quote | undefined;
  #fetching: Promise<Quote | undefined> | undefined;
  #deps: StockDeps | undefined;

  /** A stream of the symbol's quotes: first the current one, then each new one. */
  async subscribe(symbol: string): Promise<ReadableStream<Uint8Array>> {
    this.#symbol = symbol;
    const watcher = liveStream<QuoteUpdate>();
    this.#watchers.add(watcher);
    try {
      if (this.#last) watcher.write({ symbol, quote: this.#last });
      else await this.#publishFetched();
      await this.#arm();
    } catch (error) {
      this.#watchers.delete(watcher);
      throw error;
    }
    return watcher.readable;
  }

  /** A quote the service just fetched from a provider; returns at once when nobody watches. */
  offer(quote: Quote): void {
    if (this.#watchers.size > 0) this.#publish(quote);
  }

  /** How many streams this feed writes (the fan-out of its symbol). */
  watchers(): number {
    return this.#watchers.size;
  }

  override async alarm(): Promise<void> {
    if (this.#watchers.size === 0) return;
    await this.#publishFetched();
    await this.#arm();
  }

  /** Every watcher waiting for a first quote shares one fetch; the first to get it publishes it to all. */
  async #publishFetched(): Promise<void> {
    const quote = await this.#fetch();
    if (quote) this.#publish(quote);
  }

  /** Writes a new quote to every watcher; its data point is the symbol's fan-out. */
  #publish(quote: Quote): void {
    if (!isNew(this.#last, quote)) return;
    this.#last = quote;
    const startedAt = Date.now();
    const update = { symbol: quote.symbol, quote };
    for (const watcher of this.#watchers) if (!watcher.write(update)) this.#watchers.delete(watcher);
    const metrics = createMetrics(this.env.METRICS, "stock", (work) => this.ctx.waitUntil(work));
    metrics.record({ kind: "feed", operation: quote.symbol, outcome: "ok", durationMs: Date.now() - startedAt, count: this.#watchers.size });
  }

  /** One getQuotes at a time: a burst of first watchers waits for the same one. */
  #fetch(): Promise<Quote | undefined> {
    return (this.#fetching ??= this.#getQuote().finally(() => (this.#fetching = undefined)));
  }

  async #getQuote(): Promise<Quote | undefined> {
    const symbol = this.#symbol!;
    const log = createLogger({ service: "stock", level: loadStockConfig(this.env).LOG_LEVEL }).with({ feed: symbol });
    const quotes = await getQuotes(this.#depsOnce(), [symbol], log);
    return quotes[symbol];
  }

  async #arm(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) !== null) return;
    await this.ctx.storage.setAlarm(Date.now() + this.#depsOnce().freshnessMs);
  }

  #depsOnce(): StockDeps {
    return (this.#deps ??= createDeps(this.env, loadStockConfig(this.env)));
  }
}
