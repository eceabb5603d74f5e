/** What the trading tests in workerd share: the door, the scripted stock, a fresh account. */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { RpcResult } from "../../../shared/rpc";
import { mainExport } from "../../../shared/testing/main-export";
import type { TradingAccount } from "../src/account/account";
import type { OrderInput } from "../src/contract";
import type TradingService from "../src/index";
import type { FakeStock } from "./fake-stock";

export const worker = mainExport<Service<TradingService>>();
export const stock = env.STOCK as unknown as FakeStock;
export const meta = { requestId: "trading-test-0001" };

/** The value of an ok answer; a failure fails the test with its message. */
export function ok<T>(result: RpcResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const accountStub = (userId: string) => (env.ACCOUNTS as unknown as DurableObjectNamespace<TradingAccount>).getByName(userId);

/** A user with an opened account (100000.00). */
export async function openedAccount(): Promise<string> {
  const userId = crypto.randomUUID();
  ok(await worker.openAccount(meta, userId));
  return userId;
}

export const market = (symbol: string, side: "BUY" | "SELL", quantity: string, more: Partial<OrderInput> = {}): OrderInput => ({
  symbol,
  side,
  type: "MARKET",
  quantity,
  timeInForce: "DAY",
  ...more,
});

export const limit = (symbol: string, side: "BUY" | "SELL", quantity: string, limitPrice: string, more: Partial<OrderInput> = {}): OrderInput => ({
  symbol,
  side,
  type: "LIMIT",
  quantity,
  limitPrice,
  timeInForce: "GTC",
  ...more,
});

/** Rows of one of the account's tables, read inside the Durable Object. */
export function tableOf(userId: string, query: string): Promise<Record<string, unknown>[]> {
  return runInDurableObject(accountStub(userId), (_instance, state) => state.storage.sql.exec(query).toArray());
}

/** cash = the sum of the amounts of all activity entries (trading.md), read from storage. */
export async function ledgerBalance(userId: string): Promise<{ cash: number; sum: number }> {
  const [row] = await tableOf(userId, "SELECT (SELECT cash FROM account) AS cash, (SELECT COALESCE(SUM(amount), 0) FROM activity) AS sum");
  return row as { cash: number; sum: number };
}

/** A fresh symbol (the scripted stock Worker is shared by the test files), listed and quoted. */
export const freshSymbol = (prefix: string): string => `${prefix}${crypto.randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase()}`;

export async function quoted(price: number, instrumentType = "EQUITY", marketState = "REGULAR"): Promise<string> {
  const symbol = freshSymbol("T");
  await stock.list(symbol, instrumentType);
  await stock.setQuote(symbol, price, marketState);
  return symbol;
}

/** The symbol book's hand-over (book/protocol.ts), driven by the test at a price of its choosing. */
export function match(userId: string, orderIds: string[], price: string, marketState = "REGULAR") {
  return accountStub(userId).matchResting(orderIds, { price, asOf: new Date().toISOString(), marketState });
}

/** Sets the account Durable Object's env (e.g. TRADING_HOURS=exchange, a failing EVENTS) for as long as it stays in memory. */
export async function withEnv(userId: string, overrides: Record<string, unknown>): Promise<void> {
  await runInDurableObject(accountStub(userId), (instance: TradingAccount) => {
    const current = (instance as unknown as { env: Record<string, unknown> }).env;
    (instance as unknown as { env: unknown }).env = { ...current, ...overrides };
  });
}
