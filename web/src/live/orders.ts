/**
 * The caller's orders, followed live: one `orderUpdates` stream per page, each update
 * replacing the order of its id wherever the page lists it.
 */
import { useSubscription } from "urql";
import { graphql } from "../gql";
import type { LiveOrdersSubscription, OrderRowFragment } from "../gql/graphql";

const LiveOrdersDocument = graphql(`
  subscription LiveOrders {
    orderUpdates {
      ...OrderRow
    }
  }
`);

const NONE: ReadonlyMap<string, OrderRowFragment> = new Map();

const remember = (seen: ReadonlyMap<string, OrderRowFragment> = NONE, update: LiveOrdersSubscription) =>
  new Map(seen).set(update.orderUpdates.id, update.orderUpdates);

/** `orders` as they are now: each one the stream has told of since the page opened, in its latest state. */
export function useLiveOrders(orders: readonly OrderRowFragment[]): readonly OrderRowFragment[] {
  const [{ data: updated = NONE }] = useSubscription({ query: LiveOrdersDocument }, remember);
  return updated.size === 0 ? orders : orders.map((order) => updated.get(order.id) ?? order);
}
