/**
 * The matching rules of trading.md, as pure functions of an order and the symbol's current
 * price (scale 4). The account Durable Object decides with them; the symbol book uses the
 * same functions to pick which resting orders to hand to their accounts.
 */
import type { OrderSide, OrderType } from "./contract";

export interface Trigger {
  side: OrderSide;
  type: OrderType;
  limitPrice: bigint | null;
  stopPrice: bigint | null;
  /** A stop or stop-limit order whose stop was reached. */
  triggered: boolean;
}

/** A stop is reached: a buy when p >= stopPrice, a sell when p <= stopPrice. */
export const stopReached = (order: Trigger, price: bigint): boolean =>
  order.stopPrice !== null && (order.side === "BUY" ? price >= order.stopPrice : price <= order.stopPrice);

/** The limit allows a fill at p: a buy when p <= limitPrice, a sell when p >= limitPrice. */
const limitAllows = (order: Trigger, price: bigint): boolean =>
  order.limitPrice !== null && (order.side === "BUY" ? price <= order.limitPrice : price >= order.limitPrice);

/** Whether the order fills at `price` now (a stop not yet triggered counts as triggered when reached). */
export function fillsAt(order: Trigger, price: bigint): boolean {
  const live = order.triggered || stopReached(order, price);
  switch (order.type) {
    case "MARKET":
      return true;
    case "LIMIT":
      return limitAllows(order, price);
    case "STOP":
      return live;
    case "STOP_LIMIT":
      return live && limitAllows(order, price);
  }
}

/** Whether anything changes for the order at `price`: a fill, or a stop-limit's trigger. */
export const actsAt = (order: Trigger, price: bigint): boolean =>
  fillsAt(order, price) || (order.type === "STOP_LIMIT" && !order.triggered && stopReached(order, price));
