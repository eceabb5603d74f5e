/** The stock service: instruments, quotes, history and search, reached only over Workers RPC. */
import { InternalEntrypoint } from "../../../shared/internal-entrypoint";
import { observeRpc } from "../../../shared/observe-rpc";
import { createLogger, type Logger } from "../../../shared/logger";
import { healthReport, success, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { loadStockConfig } from "./config";
import { createDeps, type StockDeps } from "./deps";
import { getHistory } from "./history";
import { getInstruments } from "./instruments";
import { getQuotes } from "./quotes";
import { search } from "./search";
import type { Candle, HistoryPeriod, Instrument, Quote, SearchResult } from "./types";
import { parsePeriod, parseSearch, parseSymbols } from "./validation";

export type * from "./types";

/** One set of dependencies per isolate (the runtime hands an isolate one env object). */
const depsByEnv = new WeakMap<object, StockDeps>();

export default class StockService extends InternalEntrypoint<StockEnv> {
  health(meta: CallMeta): Promise<HealthReport> {
    return healthReport("stock", meta, {
      config: async () => loadStockConfig(this.env),
      database: () => this.env.STOCK_DB.prepare("SELECT 1").first(),
      cache: () => this.#deps().cache.getMany(["health-probe"]),
    });
  }

  async instruments(meta: CallMeta, symbols: string[]): Promise<RpcResult<Record<string, Instrument>>> {
    const input = parseSymbols(symbols);
    if (!input.ok) return input.failure;
    const waitUntil = (work: Promise<unknown>) => this.ctx.waitUntil(work);
    const log = this.#log(meta);
    const found = await getInstruments({ ...this.#deps(), waitUntil }, input.value, log);
    log.debug("instruments", { asked: input.value.length, found: Object.keys(found).length });
    return success(found);
  }

  async quotes(meta: CallMeta, symbols: string[]): Promise<RpcResult<Record<string, Quote>>> {
    const input = parseSymbols(symbols);
    if (!input.ok) return input.failure;
    const log = this.#log(meta);
    const quotes = await getQuotes(this.#deps(), input.value, log);
    log.debug("quotes", { asked: input.value.length, answered: Object.keys(quotes).length });
    return success(quotes);
  }

  async history(meta: CallMeta, symbols: string[], period: HistoryPeriod): Promise<RpcResult<Record<string, Candle[]>>> {
    const input = parseSymbols(symbols);
    if (!input.ok) return input.failure;
    const validPeriod = parsePeriod(period);
    if (!validPeriod.ok) return validPeriod.failure;
    const log = this.#log(meta);
    const history = await getHistory(this.#deps(), input.value, validPeriod.value, log);
    log.debug("history", { asked: input.value.length, period: validPeriod.value, answered: Object.keys(history).length });
    return success(history);
  }

  async search(meta: CallMeta, query: string, limit: number): Promise<RpcResult<SearchResult[]>> {
    const input = parseSearch(query, limit);
    if (!input.ok) return input.failure;
    const log = this.#log(meta);
    const results = await search(this.#deps(), input.value.query, input.value.limit, log);
    log.debug("search", { query: input.value.query, results: results.length });
    return success(results);
  }

  #deps(): StockDeps {
    let deps = depsByEnv.get(this.env);
    if (!deps) depsByEnv.set(this.env, (deps = createDeps(this.env, loadStockConfig(this.env))));
    return deps;
  }

  #log(meta: CallMeta): Logger {
    return createLogger({ service: "stock", requestId: meta.requestId, level: loadStockConfig(this.env).LOG_LEVEL });
  }
}

observeRpc("stock", StockService);
