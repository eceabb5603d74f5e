/**
 * Orders as a table (time, symbol, side, type, quantity, status, fill price), newest first
 * as the API lists them: the dashboard's recent orders and, with a "Cancel" button on each
 * open order, /orders. Its rows are the OrderRow fragment, each then following the
 * `orderUpdates` subscription (a fill, a cancel from elsewhere, an expiry).
 */
import { Link } from "react-router";
import { formatDateTime, formatPrice, formatQuantity } from "../components/format";
import { VisuallyHidden } from "../components/VisuallyHidden";
import { graphql } from "../gql";
import type { OrderRowFragment } from "../gql/graphql";
import { useLiveOrders } from "../live/orders";
import { REASON_WORDS, SIDE_WORDS, STATUS_WORDS, typeWord } from "./order-words";
import styles from "./OrdersTable.module.css";

graphql(`
  fragment OrderRow on Order {
    id
    symbol
    side
    type
    timeInForce
    quantity
    limitPrice
    stopPrice
    status
    reason
    averageFillPrice
    cashAmount
    createdAt
    filledAt
  }
`);

export type OrderRow = OrderRowFragment;

interface Props {
  label: string;
  orders: readonly OrderRow[];
  currency: string;
  /** With it, each open order has a "Cancel" button. */
  cancel?: { onCancel(order: OrderRow): void; busy: ReadonlySet<string> };
}

export function OrdersTable({ label, orders: listed, currency, cancel }: Props) {
  const orders = useLiveOrders(listed);
  return (
    <div className={styles.wrap}>
      <table aria-label={label} className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Symbol</th>
            <th scope="col">Side</th>
            <th scope="col">Type</th>
            <th scope="col" className="number">
              Quantity
            </th>
            <th scope="col">Status</th>
            <th scope="col" className="number">
              Fill price
            </th>
            {cancel && (
              <th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td>
                <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
              </td>
              <th scope="row">
                <Link to={`/stocks/${encodeURIComponent(order.symbol)}`}>{order.symbol}</Link>
              </th>
              <td>{SIDE_WORDS[order.side]}</td>
              <td>
                {typeWord(order.type)}
                <OrderPrices order={order} currency={currency} />
              </td>
              <td className="number">{formatQuantity(order.quantity)}</td>
              <td>
                {STATUS_WORDS[order.status]}
                {order.reason && <span className={styles.detail}>{REASON_WORDS[order.reason]}</span>}
              </td>
              <td className="number">{order.averageFillPrice ? formatPrice(order.averageFillPrice, currency) : <span className="muted">—</span>}</td>
              {cancel && (
                <td className={styles.action}>
                  {order.status === "OPEN" && (
                    <button type="button" aria-disabled={cancel.busy.has(order.id)} onClick={() => cancel.onCancel(order)}>
                      Cancel
                      <VisuallyHidden>
                        {" "}
                        {SIDE_WORDS[order.side].toLowerCase()} {formatQuantity(order.quantity)} {order.symbol}
                      </VisuallyHidden>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrderPrices({ order, currency }: { order: OrderRow; currency: string }) {
  const prices = [
    order.stopPrice && `stop ${formatPrice(order.stopPrice, currency)}`,
    order.limitPrice && `limit ${formatPrice(order.limitPrice, currency)}`,
  ].filter(Boolean);
  if (prices.length === 0) return null;
  return <span className={styles.detail}>{prices.join(", ")}</span>;
}
