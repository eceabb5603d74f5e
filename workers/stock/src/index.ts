/** The stock service: instruments, quotes, history and search, reached only over Workers RPC (contract.ts). */
import { failure, success, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { callLogger, InternalEntrypoint, observeRpc, serviceHealth } from "../../../shared/rpc-server";
import { parseInput } from "../../../shared/validation";
import { loadStockConfig } from "./config";
import {
  HistoryRequest,
  SearchRequest,
  SymbolsRequest,
  WatchQuotesRequest,
  type Candle,
  type HistoryPeriod,
  type Instrument,
  type Quote,
  type SearchResult,
  type StockRpc,
} from "./contract";
import { createDeps, type StockDeps } from "./deps";
import { getHistory } from "./history";
import { getInstruments } from "./instruments";
import { getQuotes } from "./quotes";
import { search } from "./search";
import { mergeLiveStreams } from "./feed/merge";

export { QuoteFeed } from "./feed/quote-feed";

/** One set of dependencies per isolate (the runtime hands an isolate one env object). */
const depsByEnv = new WeakMap<object, StockDeps>();

export default class StockService extends InternalEntrypoint<StockEnv> implements StockRpc {
  health(_meta: CallMeta): Promise<HealthReport> {
    return serviceHealth("stock", () => loadStockConfig(this.env), this.env.STOCK_DB, { cache: () => this.#deps().cache.getMany(["health-probe"]) });
  }

  async instruments(_meta: CallMeta, symbols: string[]): Promise<RpcResult<Record<string, Instrument>>> {
    const input = parseInput(SymbolsRequest, { symbols });
    if (!input.ok) return input;
    const waitUntil = (work: Promise<unknown>) => this.ctx.waitUntil(work);
    const log = callLogger();
    const found = await getInstruments({ ...this.#deps(), waitUntil }, input.value.symbols, log);
    log.debug("instruments", { asked: input.value.symbols.length, found: Object.keys(found).length });
    return success(found);
  }

  async quotes(_meta: CallMeta, symbols: string[]): Promise<RpcResult<Record<string, Quote>>> {
    const input = parseInput(SymbolsRequest, { symbols });
    if (!input.ok) return input;
    const log = callLogger();
    const quotes = await getQuotes({ ...this.#deps(), onFetched: (fetched) => this.#offerToFeeds(fetched) }, input.value.symbols, log);
    log.debug("quotes", { asked: input.value.symbols.length, answered: Object.keys(quotes).length });
    return success(quotes);
  }

  async history(_meta: CallMeta, symbols: string[], period: HistoryPeriod): Promise<RpcResult<Record<string, Candle[]>>> {
    const input = parseInput(HistoryRequest, { symbols, period });
    if (!input.ok) return input;
    const log = callLogger();
    const history = await getHistory(this.#deps(), input.value.symbols, input.value.period, log);
    log.debug("history", { asked: input.value.symbols.length, period: input.value.period, answered: Object.keys(history).length });
    return success(history);
  }

  async search(_meta: CallMeta, query: string, limit: number): Promise<RpcResult<SearchResult[]>> {
    const input = parseInput(SearchRequest, { query, limit });
    if (!input.ok) return input;
    const log = callLogger();
    const results = await search(this.#deps(), input.value.query, input.value.limit, log);
    log.debug("search", { query: input.value.query, results: results.length });
    return success(results);
  }

  async watchQuotes(_meta: CallMeta, symbols: string[]): Promise<RpcResult<ReadableStream<Uint8Array>>> {
    const input = parseInput(WatchQuotesRequest, { symbols });
    if (!input.ok) return input;
    const log = callLogger();
    const waitUntil = (work: Promise<unknown>) => this.ctx.waitUntil(work);
    const known = await getInstruments({ ...this.#deps(), waitUntil }, input.value.symbols, log);
    const unknown = input.value.symbols.filter((symbol) => !(symbol in known));
    if (unknown.length > 0) {
      return failure("BAD_USER_INPUT", `Unknown symbols: ${unknown.join(", ")}`, [{ field: "symbols", message: `unknown: ${unknown.join(", ")}` }]);
    }
    const streams = await Promise.all(input.value.symbols.map((symbol) => this.env.QUOTE_FEEDS.getByName(symbol).subscribe(symbol)));
    log.info("watchQuotes", { symbols: input.value.symbols.length });
    return success(mergeLiveStreams(streams, waitUntil));
  }

  /** A provider's fresh quotes reach their feeds now, not at the feeds' next poll. */
  #offerToFeeds(quotes: Quote[]): void {
    this.ctx.waitUntil(Promise.allSettled(quotes.map((quote) => this.env.QUOTE_FEEDS.getByName(quote.symbol).offer(quote))));
  }

  #deps(): StockDeps {
    let deps = depsByEnv.get(this.env);
    if (!deps) depsByEnv.set(this.env, (deps = createDeps(this.env, loadStockConfig(this.env))));
    return deps;
  }
}

observeRpc("stock", StockService);
