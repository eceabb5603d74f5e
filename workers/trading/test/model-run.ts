/**
 * Runs one random sequence (model.ts) against a subject (the ledger over node:sqlite, or
 * the real Durable Object) and the reference model side by side, and after every step
 * checks that they agree: cash = the sum of the activity, buying power, net deposits,
 * realized P&L, positions (quantity, cost basis, available), every order's status,
 * reason and reservation, and nothing negative.
 */
import type { Arbitrary } from "fast-check";
import { CASH_SCALE, formatTrimmed, parseDecimal, UNIT_SCALE } from "../../../shared/decimal";
import type { RpcResult } from "../../../shared/rpc";
import type { AccountState, OrderInput, OrderState } from "../src/contract";
import { AccountModel, ETF, INDEX, NO_QUOTE, offsetPrice, UNKNOWN, type Action, type ModelOrder, type ModelQuote, type sequenceArbitrary } from "./model";

export type Sequence = typeof sequenceArbitrary extends Arbitrary<infer T> ? T : never;

/** The account under test, as the property tests drive it. */
export interface Subject {
  deposit(amount: string): Promise<RpcResult<AccountState>>;
  place(input: OrderInput): Promise<RpcResult<OrderState>>;
  /** The symbol's quote moves and the book hands over the symbol's open orders (oldest first). */
  quote(symbol: string, quote: ModelQuote, openOrderIds: string[]): Promise<void>;
  cancel(orderId: string): Promise<RpcResult<OrderState>>;
  reset(): Promise<RpcResult<AccountState>>;
  visibility(visible: boolean): Promise<RpcResult<AccountState>>;
  /** Time passes by `ms` and the alarm runs; the time it ran at (epoch ms). */
  expire(ms: number): Promise<number>;
  account(): Promise<AccountState>;
  orders(): Promise<OrderState[]>;
  /** The stored cash and the sum of the stored activity amounts, in cents. */
  ledger(): Promise<{ cash: bigint; activitySum: bigint }>;
}

const cashOf = (text: string): bigint => parseDecimal(text, CASH_SCALE)!;
const unitOf = (text: string): bigint => parseDecimal(text, UNIT_SCALE)!;
const unit = (value: bigint): string => formatTrimmed(value, UNIT_SCALE);

function fail(step: number, action: Action, message: string): never {
  throw new Error(`step ${step} (${JSON.stringify(action, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))}): ${message}`);
}

const MAX_QUANTITY = 10_000_000_000n;

function orderInput(action: Extract<Action, { kind: "place" }>, model: AccountModel): OrderInput {
  const quote = model.quotes.get(action.symbol)?.price ?? 1_000_000n;
  const needsLimit = action.type === "LIMIT" || action.type === "STOP_LIMIT";
  const needsStop = action.type === "STOP" || action.type === "STOP_LIMIT";
  const limitPrice = needsLimit ? offsetPrice(quote, action.limitOffset) : null;
  const stopPrice = needsStop ? offsetPrice(quote, action.stopOffset) : null;
  return {
    symbol: action.symbol,
    side: action.side,
    type: action.type,
    timeInForce: action.timeInForce,
    quantity: unit(quantityOf(action, model, limitPrice ?? stopPrice ?? quote)),
    limitPrice: limitPrice === null ? null : unit(limitPrice),
    stopPrice: stopPrice === null ? null : unit(stopPrice),
    clientOrderId: action.clientOrderId,
  };
}

/** The action's quantity, or its percentage of what the account affords at `price` (a sell: of the position). */
function quantityOf(action: Extract<Action, { kind: "place" }>, model: AccountModel, price: bigint): bigint {
  if (action.sizePercent === null) return action.quantity;
  const base = action.side === "BUY" ? (model.buyingPower() * 1_000_000n) / price : (model.positions.get(action.symbol)?.quantity ?? 0n);
  const sized = (base * BigInt(action.sizePercent)) / 100n;
  return sized < 1n ? 1n : sized > MAX_QUANTITY ? MAX_QUANTITY : sized;
}

/** Runs the sequence; the model at its end (what the sequence reached). */
export async function runSequence(subject: Subject, sequence: Sequence): Promise<AccountModel> {
  const model = new AccountModel(sequence.exchangeHours);
  for (const [symbol, price] of Object.entries(sequence.initial)) model.quotes.set(symbol, { price, marketState: "REGULAR" });
  const byClientId = new Map<string, ModelOrder>();
  for (const [step, action] of sequence.actions.entries()) {
    await apply(subject, model, byClientId, action, step);
    await compare(subject, model, step, action);
  }
  return model;
}

async function apply(subject: Subject, model: AccountModel, byClientId: Map<string, ModelOrder>, action: Action, step: number): Promise<void> {
  switch (action.kind) {
    case "deposit": {
      const accepted = model.deposit(action.cents);
      const answer = await subject.deposit(formatTrimmed(action.cents, CASH_SCALE));
      if (answer.ok !== accepted) fail(step, action, `deposit answered ${JSON.stringify(answer)}, the model ${accepted ? "accepts" : "refuses"}`);
      return;
    }
    case "place": {
      const input = orderInput(action, model);
      const answer = await subject.place(input);
      const earlier = action.clientOrderId ? byClientId.get(action.clientOrderId) : undefined;
      if (action.symbol === UNKNOWN && !earlier) {
        if (answer.ok || answer.error.code !== "BAD_USER_INPUT") fail(step, action, `an unknown symbol answered ${JSON.stringify(answer)}`);
        return;
      }
      if (!answer.ok) return fail(step, action, `placeOrder failed: ${answer.error.message}`);
      if (earlier) {
        if (answer.value.id !== earlier.id) fail(step, action, "a reused clientOrderId created another order");
        return;
      }
      const order: ModelOrder = {
        id: answer.value.id,
        clientOrderId: action.clientOrderId,
        symbol: action.symbol,
        side: action.side,
        type: action.type,
        timeInForce: action.timeInForce,
        quantity: unitOf(input.quantity),
        limitPrice: input.limitPrice ? unitOf(input.limitPrice) : null,
        stopPrice: input.stopPrice ? unitOf(input.stopPrice) : null,
        status: "OPEN",
        reason: null,
        reserved: 0n,
        triggered: false,
        placedAt: Date.parse(answer.value.createdAt),
      };
      if (action.clientOrderId) byClientId.set(action.clientOrderId, order);
      model.place(order, action.symbol !== INDEX);
      return;
    }
    case "quote": {
      const current = model.quotes.get(action.symbol)!.price;
      const moved = action.movePercent === null ? action.price : current + (current * BigInt(action.movePercent)) / 100n;
      const quote = { price: moved > 0n ? moved : 1n, marketState: action.marketState };
      const open = model.open().filter((o) => o.symbol === action.symbol).map((o) => o.id);
      model.moveQuote(action.symbol, quote);
      await subject.quote(action.symbol, quote, open);
      return;
    }
    case "cancel": {
      if (model.orders.length === 0) return;
      const order = model.orders[action.pick % model.orders.length]!;
      const wasOpen = order.status === "OPEN";
      const answer = await subject.cancel(order.id);
      const expectOk = wasOpen || order.status === "CANCELED";
      if (answer.ok !== expectOk) fail(step, action, `cancel of a ${order.status} order answered ${JSON.stringify(answer)}`);
      model.cancel(order);
      return;
    }
    case "reset": {
      model.reset();
      const answer = await subject.reset();
      if (!answer.ok) fail(step, action, "reset failed");
      return;
    }
    case "visibility":
      model.onLeaderboard = action.visible;
      await subject.visibility(action.visible);
      return;
    case "expire":
      model.expire(await subject.expire(action.hours * 3_600_000));
      return;
  }
}

async function compare(subject: Subject, model: AccountModel, step: number, action: Action): Promise<void> {
  const account = await subject.account();
  const expect = (what: string, actual: unknown, expected: unknown) => {
    if (actual !== expected) fail(step, action, `${what}: ${String(actual)}, the model says ${String(expected)}`);
  };
  expect("cash", cashOf(account.cash), model.cash);
  expect("buyingPower", cashOf(account.buyingPower), model.buyingPower());
  expect("netDeposits", cashOf(account.netDeposits), model.netDeposits);
  expect("realizedPnl", cashOf(account.realizedPnl), model.realizedPnl);
  expect("onLeaderboard", account.onLeaderboard, model.onLeaderboard);
  const positions = [...model.positions].sort(([a], [b]) => a.localeCompare(b));
  expect("positions", account.positions.map((p) => p.symbol).join(), positions.map(([s]) => s).join());
  for (const [i, [symbol, held]] of positions.entries()) {
    const p = account.positions[i]!;
    expect(`${symbol} quantity`, unitOf(p.quantity), held.quantity);
    expect(`${symbol} costBasis`, cashOf(p.costBasis), held.costBasis);
    expect(`${symbol} availableQuantity`, unitOf(p.availableQuantity), model.available(symbol));
    if (held.quantity <= 0n || unitOf(p.availableQuantity) < 0n) fail(step, action, `${symbol}: a position below zero`);
  }
  const orders = new Map((await subject.orders()).map((o) => [o.id, o]));
  expect("order count", orders.size, model.orders.length);
  for (const o of model.orders) {
    const actual = orders.get(o.id);
    if (!actual) return fail(step, action, `order ${o.id} missing`);
    expect(`order ${o.id} status`, actual.status, o.status);
    expect(`order ${o.id} reason`, actual.reason, o.reason);
    expect(`order ${o.id} reservedCash`, cashOf(actual.reservedCash), o.reserved);
    expect(`order ${o.id} filledQuantity`, actual.filledQuantity, o.status === "FILLED" ? unit(o.quantity) : "0");
  }
  const ledger = await subject.ledger();
  expect("cash = the sum of the activity", ledger.activitySum, ledger.cash);
  if (ledger.cash < 0n || model.buyingPower() < 0n) fail(step, action, "cash or buying power below zero");
}

/** The symbols a subject's stock service knows, and what each is (model.ts). */
export const MODEL_INSTRUMENTS: Record<string, string> = { AAA: "EQUITY", BBB: "EQUITY", [ETF]: "ETF", [INDEX]: "INDEX", [NO_QUOTE]: "EQUITY" };
