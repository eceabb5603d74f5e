/**
 * /orders: the account's orders, newest first, filtered by status and paged, with "Cancel"
 * on open ones. ONE query per page shown (Orders: me with one page of orders); another
 * filter or page is the same query again; a cancel is one request, whose answer (the
 * order) replaces its row.
 */
import { useState } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import { can, useSessionQuery } from "../app/session";
import { failureOf } from "../components/failure";
import { ErrorAlert, StatusMessage } from "../components/Notice";
import { Loading, QueryError } from "../components/QueryState";
import { SelectField } from "../components/SelectField";
import { PageButtons } from "../components/PageButtons";
import { usePageCursors } from "../components/usePageCursors";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { OrderStatus } from "../gql/graphql";
import { outcomeOf, STATUS_WORDS } from "../trading/order-words";
import { OrdersTable, type OrderRow } from "../trading/OrdersTable";
import styles from "./Orders.module.css";

export const ORDERS_PAGE_SIZE = 20;

const OrdersDocument = graphql(`
  query Orders($status: OrderStatus, $first: Int!, $after: String) {
    me {
      ...Session
      tradingAccount {
        id
        currency
        orders(status: $status, first: $first, after: $after) {
          edges {
            cursor
            node {
              ...OrderRow
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`);

const CancelOrderDocument = graphql(`
  mutation CancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      ...OrderRow
    }
  }
`);

type Filter = OrderStatus | "ALL";

const FILTERS: readonly { value: Filter; name: string }[] = [
  { value: "ALL", name: "All" },
  ...(Object.entries(STATUS_WORDS) as [OrderStatus, string][]).map(([value, name]) => ({ value, name })),
];

export function OrdersPage() {
  usePageTitle("Orders");
  const [filter, setFilter] = useState<Filter>("ALL");
  const cursors = usePageCursors();
  const [{ data, error, fetching }, reexecute] = useSessionQuery({
    query: OrdersDocument,
    variables: { status: filter === "ALL" ? null : filter, first: ORDERS_PAGE_SIZE, after: cursors.after },
  });
  const me = data?.me;
  const retry = () => reexecute({ requestPolicy: "network-only" });
  if (!me) return error ? <QueryError error={error} retry={retry} /> : <Loading />;
  const account = me.tradingAccount;
  if (!can(me, "trade") || !account)
    return (
      <>
        <h1>Orders</h1>
        {error ? (
          <QueryError error={error} retry={retry} />
        ) : (
          <p>
            You have no paper-trading account yet: open one on your <Link to="/">dashboard</Link>.
          </p>
        )}
      </>
    );
  const page = account.orders;
  const endCursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  const choose = (next: Filter) => {
    setFilter(next);
    cursors.reset();
  };
  return (
    <>
      <h1>Orders</h1>
      <div className={styles.filter}>
        <SelectField label="Status" name="status" value={filter} options={FILTERS} onChange={choose} />
      </div>
      {error && <QueryError error={error} retry={retry} />}
      <OrdersList
        key={`${filter}:${cursors.after}`}
        orders={page.edges.map((edge) => edge.node)}
        currency={account.currency}
        filter={filter}
        busy={fetching}
      />
      <PageButtons label="Pages of orders" cursors={cursors} endCursor={endCursor} />
    </>
  );
}

function OrdersList({ orders, currency, filter, busy }: { orders: OrderRow[]; currency: string; filter: Filter; busy: boolean }) {
  const [, cancelOrder] = useMutation(CancelOrderDocument);
  const [canceled, setCanceled] = useState<Record<string, OrderRow>>({});
  const [canceling, setCanceling] = useState<ReadonlySet<string>>(new Set());
  const [alert, setAlert] = useState<string>();
  const [news, setNews] = useState<string>();
  const onCancel = async (order: OrderRow) => {
    if (canceling.has(order.id)) return;
    setAlert(undefined);
    setNews(undefined);
    setCanceling((ids) => new Set(ids).add(order.id));
    const result = await cancelOrder({ id: order.id });
    setCanceling((ids) => new Set([...ids].filter((id) => id !== order.id)));
    if (result.error) return setAlert(failureOf(result.error, {}).message);
    const answer = result.data?.cancelOrder;
    if (!answer) return;
    setCanceled((known) => ({ ...known, [answer.id]: answer }));
    setNews(outcomeOf(answer, currency).text);
  };
  const rows = orders.map((order) => canceled[order.id] ?? order);
  return (
    <>
      <ErrorAlert message={alert} />
      <StatusMessage message={news} />
      {rows.length === 0 ? (
        <p aria-busy={busy}>
          {filter === "ALL" ? (
            <>
              No orders yet. Open a stock's page (<Link to="/search">search stocks</Link>) to place one from its order ticket.
            </>
          ) : (
            `No ${STATUS_WORDS[filter].toLowerCase()} orders.`
          )}
        </p>
      ) : (
        <OrdersTable label="Orders" orders={rows} currency={currency} cancel={{ onCancel: (order) => void onCancel(order), busy: canceling }} />
      )}
    </>
  );
}
