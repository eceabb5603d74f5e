/**
 * The trading service's one door (Workers RPC, contract.ts): it checks the arguments
 * (BAD_USER_INPUT with field details, nothing created) and hands each call to the user's
 * TradingAccount Durable Object, which decides.
 */
import * as v from "valibot";
import { success, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { callLogger, InternalEntrypoint, observeRpc, serviceHealth } from "../../../shared/rpc-server";
import { parseInput, UserId } from "../../../shared/validation";
import type { HistoryPeriod } from "../../stock/src/contract";
import type { TradingAccount } from "./account/account";
import { loadTradingConfig } from "./config";
import { handleCron, handleEvents, leaderboardRows } from "./events/handlers";
import {
  ActivityPageRequest,
  LeaderboardRequest,
  DepositRequest,
  EquityHistoryRequest,
  OrderIdRequest,
  OrderPageRequest,
  PlaceOrderRequest,
  UserRequest,
  VisibilityRequest,
  type AccountState,
  type ActivityEntryState,
  type EquityPoint,
  type LeaderboardRow,
  type OrderInput,
  type OrderState,
  type OrderStatus,
  type Page,
  type PageRequest,
  type TradingRpc,
} from "./contract";

export default class TradingService extends InternalEntrypoint<TradingEnv> implements TradingRpc {
  health(_meta: CallMeta): Promise<HealthReport> {
    return serviceHealth("trading", () => loadTradingConfig(this.env), this.env.TRADING_DB);
  }

  async account(_meta: CallMeta, userId: string): Promise<RpcResult<AccountState | null>> {
    const parsed = parseInput(UserRequest, { userId });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).account();
  }

  async openAccount(_meta: CallMeta, userId: string): Promise<RpcResult<AccountState>> {
    const parsed = parseInput(UserRequest, { userId });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).open(parsed.value.userId);
  }

  async deposit(_meta: CallMeta, userId: string, amount: string): Promise<RpcResult<AccountState>> {
    const parsed = parseInput(DepositRequest, { userId, amount });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).deposit(parsed.value.amount);
  }

  async resetAccount(_meta: CallMeta, userId: string): Promise<RpcResult<AccountState>> {
    const parsed = parseInput(UserRequest, { userId });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).reset();
  }

  async placeOrder(meta: CallMeta, userId: string, input: OrderInput): Promise<RpcResult<OrderState>> {
    const parsed = parseInput(PlaceOrderRequest, { userId, input });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).placeOrder(meta, parsed.value.input);
  }

  async cancelOrder(_meta: CallMeta, userId: string, orderId: string): Promise<RpcResult<OrderState>> {
    const parsed = parseInput(OrderIdRequest, { userId, id: orderId });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).cancelOrder(parsed.value.id);
  }

  async setLeaderboardVisibility(_meta: CallMeta, userId: string, visible: boolean): Promise<RpcResult<AccountState>> {
    const parsed = parseInput(VisibilityRequest, { userId, visible });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).setVisibility(parsed.value.visible);
  }

  async orders(_meta: CallMeta, userId: string, request: PageRequest & { status?: OrderStatus | null }): Promise<RpcResult<Page<OrderState>>> {
    const parsed = parseInput(OrderPageRequest, { ...request, userId });
    if (!parsed.ok) return parsed;
    const { first, after, status } = parsed.value;
    return this.#account(parsed.value.userId).orders({ first, after: after ?? null, status: status ?? null });
  }

  async order(_meta: CallMeta, userId: string, orderId: string): Promise<RpcResult<OrderState | null>> {
    const parsed = parseInput(OrderIdRequest, { userId, id: orderId });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).order(parsed.value.id);
  }

  async watchOrders(_meta: CallMeta, userId: string): Promise<RpcResult<ReadableStream<Uint8Array>>> {
    const parsed = parseInput(UserRequest, { userId });
    if (!parsed.ok) return parsed;
    return success(await this.#account(parsed.value.userId).watchOrders());
  }

  async activity(_meta: CallMeta, userId: string, request: PageRequest): Promise<RpcResult<Page<ActivityEntryState>>> {
    const parsed = parseInput(ActivityPageRequest, { ...request, userId });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).activity({ first: parsed.value.first, after: parsed.value.after ?? null });
  }

  async equityHistory(meta: CallMeta, userId: string, period: HistoryPeriod): Promise<RpcResult<EquityPoint[]>> {
    const parsed = parseInput(EquityHistoryRequest, { userId, period });
    if (!parsed.ok) return parsed;
    return this.#account(parsed.value.userId).equityHistory(meta, parsed.value.period);
  }

  async leaderboard(meta: CallMeta, first: number): Promise<RpcResult<LeaderboardRow[]>> {
    const parsed = parseInput(LeaderboardRequest, { first });
    if (!parsed.ok) return parsed;
    return success(await leaderboardRows(this.env, parsed.value.first, callLogger(), meta.requestId, (work) => this.ctx.waitUntil(work)));
  }

  async removeUser(_meta: CallMeta, userId: string): Promise<void> {
    if (!v.is(UserId, userId)) return callLogger().warn("removeUser: not a UUID, nothing to remove", { userId });
    // A throw is what tells the caller (account deletion) to retry: the storage is not wiped yet.
    if (!(await this.#account(userId).remove())) throw new Error("trading: the account's last events could not be sent; retry the removal");
    callLogger().info("trading account removed", { userId });
  }

  /** The events queue and its dead-letter queue (events/consumer.ts). */
  override async queue(batch: MessageBatch<unknown>): Promise<void> {
    await handleEvents(batch, this.env);
  }

  /** The cron: the leaderboard's refresh (events/leaderboard.ts). */
  override async scheduled(controller: ScheduledController): Promise<void> {
    await handleCron(this.env, controller.scheduledTime, (work) => this.ctx.waitUntil(work));
  }

  /** The user's account Durable Object (one per user, named by the user id). */
  #account(userId: string): DurableObjectStub<TradingAccount> {
    return this.env.ACCOUNTS.getByName(userId);
  }
}

observeRpc("trading", TradingService);

export { TradingAccount } from "./account/account";
export { SymbolBook } from "./book/symbol-book";
