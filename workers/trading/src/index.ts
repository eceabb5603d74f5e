/** Scaffold: the trading service's door; the methods land with the account Durable Object. */
import { success, type CallMeta, type RpcResult } from "../../../shared/rpc";
import { callLogger, InternalEntrypoint, observeRpc } from "../../../shared/rpc-server";
import { parseInput } from "../../../shared/validation";
import { LeaderboardRequest, type LeaderboardRow, type TradingRpc } from "./contract";
import { handleCron, handleEvents, leaderboardRows } from "./events/handlers";

const pending = (): never => {
  throw new Error("trading: not built yet");
};

export default class TradingService extends InternalEntrypoint<TradingEnv> implements TradingRpc {
  health = (_meta: CallMeta) => pending();
  account = pending;
  openAccount = pending;
  deposit = pending;
  resetAccount = pending;
  placeOrder = pending;
  cancelOrder = pending;
  setLeaderboardVisibility = pending;
  orders = pending;
  order = pending;
  activity = pending;
  equityHistory = pending;
  removeUser = pending;

  async leaderboard(meta: CallMeta, first: number): Promise<RpcResult<LeaderboardRow[]>> {
    const parsed = parseInput(LeaderboardRequest, { first });
    if (!parsed.ok) return parsed;
    return success(await leaderboardRows(this.env, parsed.value.first, callLogger(), meta.requestId, (work) => this.ctx.waitUntil(work)));
  }

  /** The events queue and its dead-letter queue (events/consumer.ts). */
  override async queue(batch: MessageBatch<unknown>): Promise<void> {
    await handleEvents(batch, this.env);
  }

  /** The cron: the leaderboard's refresh (events/leaderboard.ts). */
  override async scheduled(controller: ScheduledController): Promise<void> {
    await handleCron(this.env, controller.scheduledTime, (work) => this.ctx.waitUntil(work));
  }
}

observeRpc("trading", TradingService);
export { SymbolBook } from "./book/symbol-book";
