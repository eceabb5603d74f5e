/**
 * The model-based property test through the real account Durable Object (the door, DO
 * RPC, SQLite storage, the scripted stock Worker): fewer sequences than the Node run of
 * the same model (test/ledger-model.node.test.ts), since each step is a few RPCs.
 */
import { runInDurableObject } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTrimmed, UNIT_SCALE } from "../../../shared/decimal";
import type { TradingAccount } from "../src/account/account";
import type { AccountState, OrderState } from "../src/contract";
import { ETF, INDEX, MODEL_SYMBOLS, sequenceArbitrary } from "./model";
import { MODEL_INSTRUMENTS, runSequence, type Sequence, type Subject } from "./model-run";
import { accountStub, freshSymbol, match, meta, ok, stock, tableOf, withEnv, worker } from "./support";

const RUNS = 50;

async function doSubject(sequence: Sequence): Promise<Subject> {
  const userId = crypto.randomUUID();
  const prefix = freshSymbol("M");
  const real = (symbol: string) => `${prefix}${symbol}`;
  const back = (symbol: string) => symbol.slice(prefix.length);
  for (const [symbol, type] of Object.entries(MODEL_INSTRUMENTS)) await stock.list(real(symbol), type);
  for (const symbol of [...MODEL_SYMBOLS, ETF, INDEX]) await stock.setQuote(real(symbol), Number(formatTrimmed(sequence.initial[symbol as keyof typeof sequence.initial], UNIT_SCALE)));
  if (sequence.exchangeHours) await withEnv(userId, { TRADING_HOURS: "exchange" });
  ok(await worker.openAccount(meta, userId));
  const account = async (): Promise<AccountState> => {
    const state = ok(await worker.account(meta, userId))!;
    return { ...state, positions: state.positions.map((p) => ({ ...p, symbol: back(p.symbol) })) };
  };
  let elapsed = 0;
  return {
    expire: async (ms) => {
      elapsed += ms;
      const now = Date.now() + elapsed;
      await runInDurableObject(accountStub(userId), (instance: TradingAccount) => instance.expireDue(new Date(now)));
      return now;
    },
    deposit: (amount) => worker.deposit(meta, userId, amount),
    place: (input) => worker.placeOrder(meta, userId, { ...input, symbol: real(input.symbol) }),
    quote: async (symbol, quote, openOrderIds) => {
      const price = formatTrimmed(quote.price, UNIT_SCALE);
      await stock.setQuote(real(symbol), Number(price), quote.marketState);
      await match(userId, openOrderIds, price, quote.marketState);
    },
    cancel: (orderId) => worker.cancelOrder(meta, userId, orderId),
    reset: () => worker.resetAccount(meta, userId),
    visibility: (visible) => worker.setLeaderboardVisibility(meta, userId, visible),
    account,
    orders: async (): Promise<OrderState[]> => ok(await worker.orders(meta, userId, { first: 100 })).edges.map((e) => e.node),
    ledger: async () => {
      const [row] = await tableOf(userId, "SELECT (SELECT cash FROM account) AS cash, (SELECT COALESCE(SUM(amount), 0) FROM activity) AS sum");
      return { cash: BigInt(row!.cash as number), activitySum: BigInt(row!.sum as number) };
    },
  };
}

describe("the account Durable Object against the reference model", () => {
  it(`rule: cash = the sum of the activity, buying power and positions as the model says, nothing negative, through the DO (${RUNS} sequences)`, async () => {
    const started = performance.now();
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(sequenceArbitrary, async (sequence) => {
        steps += sequence.actions.length;
        await runSequence(await doSubject(sequence), sequence);
      }),
      { numRuns: RUNS },
    );
    console.log(`${RUNS} sequences, ${steps} steps through the DO in ${Math.round(performance.now() - started)} ms`);
    expect(steps).toBeGreaterThan(RUNS * 5 - 1);
  }, 240_000);
});
