/**
 * The account's stored rows as typed records (scaled BigInts), and their contract shapes
 * (contract.ts: decimal text with the places trading.md prescribes).
 */
import { CASH_SCALE, divideRounded, formatDecimal, formatTrimmed, UNIT_SCALE } from "../../../../shared/decimal";
import type { AccountState, ActivityKind, OrderReason, OrderSide, OrderState, OrderStatus, OrderType, PositionState, TimeInForce } from "../contract";
import { big, bigOrNull, text, textOrNull, type Row } from "./sql";

export interface AccountRecord {
  id: string;
  userId: string;
  cash: bigint;
  netDeposits: bigint;
  realizedPnl: bigint;
  onLeaderboard: boolean;
  createdAt: string;
  resetAt: string | null;
  version: number;
}

export interface OrderRecord {
  seq: number;
  id: string;
  clientOrderId: string | null;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  timeInForce: TimeInForce;
  quantity: bigint;
  limitPrice: bigint | null;
  stopPrice: bigint | null;
  status: OrderStatus;
  reason: OrderReason | null;
  reserved: bigint;
  fillPrice: bigint | null;
  cashAmount: bigint | null;
  createdAt: string;
  updatedAt: string;
  filledAt: string | null;
  triggeredAt: string | null;
  /** Epoch ms at which an open DAY or GTC order expires. */
  expiresAt: number | null;
}

export interface PositionRecord {
  symbol: string;
  quantity: bigint;
  costBasis: bigint;
  /** quantity minus what open sell orders of the symbol hold. */
  available: bigint;
}

export interface ActivityRecord {
  seq: number;
  id: string;
  kind: ActivityKind;
  amount: bigint;
  cashAfter: bigint;
  orderId: string | null;
  at: string;
}

export const accountRecord = (row: Row): AccountRecord => ({
  id: text(row.id),
  userId: text(row.user_id),
  cash: big(row.cash),
  netDeposits: big(row.net_deposits),
  realizedPnl: big(row.realized_pnl),
  onLeaderboard: row.on_leaderboard === 1,
  createdAt: text(row.created_at),
  resetAt: textOrNull(row.reset_at),
  version: Number(row.version),
});

export const orderRecord = (row: Row): OrderRecord => ({
  seq: Number(row.seq),
  id: text(row.id),
  clientOrderId: textOrNull(row.client_order_id),
  symbol: text(row.symbol),
  side: text(row.side) as OrderSide,
  type: text(row.type) as OrderType,
  timeInForce: text(row.time_in_force) as TimeInForce,
  quantity: big(row.quantity),
  limitPrice: bigOrNull(row.limit_price),
  stopPrice: bigOrNull(row.stop_price),
  status: text(row.status) as OrderStatus,
  reason: textOrNull(row.reason) as OrderReason | null,
  reserved: big(row.reserved),
  fillPrice: bigOrNull(row.fill_price),
  cashAmount: bigOrNull(row.cash_amount),
  createdAt: text(row.created_at),
  updatedAt: text(row.updated_at),
  filledAt: textOrNull(row.filled_at),
  triggeredAt: textOrNull(row.triggered_at),
  expiresAt: row.expires_at === null ? null : Number(row.expires_at),
});

export const activityRecord = (row: Row): ActivityRecord => ({
  seq: Number(row.seq),
  id: text(row.id),
  kind: text(row.kind) as ActivityKind,
  amount: big(row.amount),
  cashAfter: big(row.cash_after),
  orderId: textOrNull(row.order_id),
  at: text(row.at),
});

const cash = (value: bigint): string => formatDecimal(value, CASH_SCALE);
const unit = (value: bigint): string => formatTrimmed(value, UNIT_SCALE);
const unitOrNull = (value: bigint | null): string | null => (value === null ? null : unit(value));

/** costBasis / quantity at 4 places: cents * 10^6 / (quantity at scale 4) is the scale-4 quotient. */
export const averageCost = (costBasis: bigint, quantity: bigint): bigint => divideRounded(costBasis * 10n ** 6n, quantity);

export function orderState(order: OrderRecord): OrderState {
  return {
    id: order.id,
    clientOrderId: order.clientOrderId,
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    timeInForce: order.timeInForce,
    quantity: unit(order.quantity),
    limitPrice: unitOrNull(order.limitPrice),
    stopPrice: unitOrNull(order.stopPrice),
    status: order.status,
    reason: order.reason,
    filledQuantity: order.status === "FILLED" ? unit(order.quantity) : "0",
    averageFillPrice: unitOrNull(order.fillPrice),
    cashAmount: order.cashAmount === null ? null : cash(order.cashAmount),
    reservedCash: cash(order.reserved),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    filledAt: order.filledAt,
    triggeredAt: order.triggeredAt,
  };
}

export const positionState = (position: PositionRecord): PositionState => ({
  symbol: position.symbol,
  quantity: unit(position.quantity),
  availableQuantity: unit(position.available),
  costBasis: cash(position.costBasis),
  averageCost: formatDecimal(averageCost(position.costBasis, position.quantity), UNIT_SCALE),
});

export function accountState(account: AccountRecord, buyingPower: bigint, positions: PositionRecord[]): AccountState {
  return {
    id: account.id,
    currency: "USD",
    cash: cash(account.cash),
    buyingPower: cash(buyingPower),
    netDeposits: cash(account.netDeposits),
    realizedPnl: cash(account.realizedPnl),
    onLeaderboard: account.onLeaderboard,
    createdAt: account.createdAt,
    resetAt: account.resetAt,
    positions: positions.map(positionState),
  };
}
