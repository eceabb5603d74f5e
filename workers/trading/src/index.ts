/** Scaffold: the trading service's door; the methods land with the account Durable Object. */
import type { CallMeta } from "../../../shared/rpc";
import { InternalEntrypoint } from "../../../shared/rpc-server";
import type { TradingRpc } from "./contract";

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
  leaderboard = pending;
  removeUser = pending;
}
export { SymbolBook } from "./book/symbol-book";
