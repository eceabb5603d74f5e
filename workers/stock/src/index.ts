/** The stock service: instruments, quotes, history and search, reached only over Workers RPC. */
import { InternalEntrypoint } from "../../../shared/internal-entrypoint";
import { healthReport, type CallMeta, type HealthReport } from "../../../shared/rpc";
import { loadStockConfig } from "./config";

export default class StockService extends InternalEntrypoint<StockEnv> {
  health(meta: CallMeta): Promise<HealthReport> {
    return healthReport("stock", meta, {
      config: async () => loadStockConfig(this.env),
      database: () => this.env.STOCK_DB.prepare("SELECT 1").first(),
      cache: () => this.env.QUOTE_CACHE.get("health-probe"),
    });
  }
}
