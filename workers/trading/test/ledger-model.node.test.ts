/**
 * The model-based property test of the ledger, in Node (node:sqlite): 1,000 random
 * sequences of deposits, orders of every type and time in force, quote moves, cancels,
 * resets and visibility changes, checked step by step against the reference model
 * (model.ts). The same run through the real Durable Object is test/account-model.test.ts.
 */
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { success } from "../../../shared/rpc";
import * as ledger from "../src/account/ledger";
import { accountView, currentAccount, ordersPage } from "../src/account/reads";
import { orderState } from "../src/account/records";
import { DepositAmount, PlaceOrderArguments } from "../src/contract";
import { sequenceArbitrary } from "./model";
import { MODEL_INSTRUMENTS, runSequence, type Subject } from "./model-run";
import { nodeLedger } from "./node-ledger";

const RUNS = 1_000;

function nodeSubject(exchangeHours: boolean, initial: Record<string, bigint>): Subject {
  const { sql, transaction, clock } = nodeLedger();
  const venue: ledger.Venue = { tradingHours: exchangeHours ? "exchange" : "always", startingCash: 10_000_000n };
  const quotes = new Map<string, ledger.MarketQuote>(Object.entries(initial).map(([s, price]) => [s, { price, marketState: "REGULAR" }]));
  transaction(() => ledger.openAccount(sql, "user-1", venue, clock));
  return {
    deposit: async (amount) => {
      const parsed = v.safeParse(DepositAmount, amount);
      if (!parsed.success) return { ok: false, error: { code: "BAD_USER_INPUT", message: parsed.issues[0].message } };
      const result = transaction(() => ledger.deposit(sql, parsed.output, clock));
      return result.ok ? success(accountView(sql, result.value)) : result;
    },
    place: async (input) => {
      const order = v.parse(PlaceOrderArguments, input);
      const facts: ledger.MarketFacts = { instrumentType: MODEL_INSTRUMENTS[order.symbol] ?? null, quote: quotes.get(order.symbol) ?? null };
      const result = transaction(() => ledger.placeOrder(sql, order, facts, venue, clock));
      return result.ok ? success(orderState(result.value.order)) : result;
    },
    quote: async (symbol, quote, openOrderIds) => {
      quotes.set(symbol, quote);
      transaction(() => ledger.matchResting(sql, openOrderIds, quote, venue, clock));
    },
    cancel: async (orderId) => {
      const result = transaction(() => ledger.cancelOrder(sql, orderId, clock));
      return result.ok ? success(orderState(result.value)) : result;
    },
    reset: async () => {
      const result = transaction(() => ledger.resetAccount(sql, venue, clock));
      return result.ok ? success(accountView(sql, result.value.account)) : result;
    },
    visibility: async (visible) => {
      const result = transaction(() => ledger.setVisibility(sql, visible, clock));
      return result.ok ? success(accountView(sql, result.value)) : result;
    },
    expire: async (ms) => {
      clock.advance(ms);
      transaction(() => ledger.expireOrders(sql, clock));
      return clock.now.getTime();
    },
    account: async () => currentAccount(sql)!,
    orders: async () => ordersPage(sql, 100, null, null).edges.map((e) => e.node),
    ledger: async () => {
      const row = sql.exec("SELECT (SELECT cash FROM account) AS cash, (SELECT COALESCE(SUM(amount), 0) FROM activity) AS sum")[0]!;
      return { cash: BigInt(row.cash as number), activitySum: BigInt(row.sum as number) };
    },
  };
}

describe("ledger against the reference model (node:sqlite)", () => {
  it(`rule: cash = the sum of the activity, buying power and positions as the model says, nothing negative (${RUNS} sequences)`, async () => {
    const started = performance.now();
    let steps = 0;
    const reached = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(sequenceArbitrary, async (sequence) => {
        steps += sequence.actions.length;
        const model = await runSequence(nodeSubject(sequence.exchangeHours, sequence.initial), sequence);
        for (const o of model.orders) {
          const key = `${o.type} ${o.status}${o.reason ? ` ${o.reason}` : ""}`;
          reached.set(key, (reached.get(key) ?? 0) + 1);
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`${RUNS} sequences, ${steps} steps in ${Math.round(performance.now() - started)} ms`, Object.fromEntries([...reached].sort()));
    // Not vacuous: every order type reached every end the rules give it.
    const outcomes = [...reached.keys()];
    for (const type of ["MARKET", "LIMIT", "STOP", "STOP_LIMIT"]) {
      for (const end of ["FILLED", "REJECTED INSUFFICIENT_BUYING_POWER", "REJECTED INSUFFICIENT_POSITION", "REJECTED NOT_TRADABLE", "REJECTED NO_QUOTE", "CANCELED ACCOUNT_RESET"]) {
        if (type === "MARKET" && end === "CANCELED ACCOUNT_RESET") continue;
        expect(outcomes, `${type} ${end}`).toContain(`${type} ${end}`);
      }
    }
    for (const reason of ["EXPIRED END_OF_DAY", "EXPIRED TIME_LIMIT"]) expect(outcomes.some((o) => o.endsWith(reason)), reason).toBe(true);
    for (const end of ["MARKET REJECTED MARKET_CLOSED", "LIMIT OPEN", "STOP_LIMIT OPEN", "LIMIT CANCELED CANCELED_BY_USER", "LIMIT CANCELED NOT_IMMEDIATELY_FILLABLE", "STOP CANCELED NOT_IMMEDIATELY_FILLABLE"]) {
      expect(outcomes).toContain(end);
    }
  });

});
