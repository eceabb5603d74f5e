import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { Provider, type Client } from "urql";
import { afterEach, describe, expect, it } from "vitest";
import { fromValue, makeSubject, type Source } from "wonka";
import { SessionProvider } from "../app/session";
import { OrdersPage } from "./Orders";

afterEach(cleanup);

const order = (id: string, status: string, extra: object = {}) => ({
  id,
  symbol: "AAPL",
  side: "BUY",
  type: "LIMIT",
  timeInForce: "GTC",
  quantity: "1.0000",
  limitPrice: "1.0000",
  stopPrice: null,
  status,
  reason: null,
  averageFillPrice: null,
  cashAmount: null,
  createdAt: "2026-12-01T15:00:00Z",
  filledAt: null,
  ...extra,
});

const me = (orders: object[], hasNextPage = false) => ({
  id: "u1",
  email: "ada@example.com",
  roles: ["member"],
  permissions: ["trade"],
  profile: { firstName: "Ada", lastName: "Lovelace" },
  tradingAccount: {
    id: "a1",
    currency: "USD",
    orders: { edges: orders.map((node, i) => ({ cursor: `c${i}`, node })), pageInfo: { hasNextPage, endCursor: hasNextPage ? "c-end" : null } },
  },
});

/** A client answering the orders query by its variables, cancelOrder with the order canceled, and orderUpdates from `live`. */
function renderOrders(live: Source<unknown> = makeSubject().source) {
  const asked: unknown[] = [];
  const client = {
    executeQuery: (operation: { variables: { status: string | null; after: string | null } }) => {
      asked.push(operation.variables);
      const { status, after } = operation.variables;
      const orders = after ? [order("o9", "FILLED")] : status === "OPEN" ? [order("o1", "OPEN")] : [order("o1", "OPEN"), order("o2", "FILLED")];
      return fromValue({ operation, data: { me: me(orders, !after && !status) }, stale: false, hasNext: false });
    },
    executeMutation: (operation: { variables: { id: string } }) =>
      fromValue({
        operation,
        data: { cancelOrder: order(operation.variables.id, "CANCELED", { reason: "CANCELED_BY_USER" }) },
        stale: false,
        hasNext: false,
      }),
    executeSubscription: () => live,
  } as unknown as Client;
  render(
    <SessionProvider>
      <Provider value={client}>
        <MemoryRouter initialEntries={["/orders"]}>
          <OrdersPage />
        </MemoryRouter>
      </Provider>
    </SessionProvider>,
  );
  return asked;
}

const rows = () =>
  within(screen.getByRole("table", { name: "Orders" }))
    .getAllByRole("row")
    .slice(1);

describe("the orders page", () => {
  it("has Cancel on open orders only; a cancel's answer replaces the row and is said in a status", async () => {
    renderOrders();
    await screen.findByRole("table", { name: "Orders" });
    expect(rows()).toHaveLength(2);
    expect(screen.getAllByRole("button", { name: /^Cancel/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Cancel buy 1 AAPL" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Canceled: buy 1 AAPL with a limit of $1.00, because you canceled it."));
    expect(within(rows()[0]!).getAllByRole("cell")[4]!.textContent).toBe("Canceledyou canceled it");
    expect(screen.queryByRole("button", { name: /^Cancel/ })).toBeNull();
  });

  it("follows orderUpdates: an order filled elsewhere shows as filled, without Cancel", async () => {
    const live = makeSubject<unknown>();
    renderOrders(live.source);
    await screen.findByRole("table", { name: "Orders" });
    expect(within(rows()[0]!).getAllByRole("cell")[4]!.textContent).toBe("Open");
    const filled = order("o1", "FILLED", { averageFillPrice: "0.9900", filledAt: "2026-12-01T15:01:00Z" });
    act(() => live.next({ data: { orderUpdates: filled }, stale: false, hasNext: true }));
    expect(within(rows()[0]!).getAllByRole("cell")[4]!.textContent).toBe("Filled");
    expect(within(rows()[0]!).getAllByRole("cell")[5]!.textContent).toBe("$0.99");
    expect(screen.queryByRole("button", { name: /^Cancel/ })).toBeNull();
  });

  it("filters by status from the first page, and pages on with the end cursor", async () => {
    const asked = renderOrders();
    await screen.findByRole("table", { name: "Orders" });
    fireEvent.click(screen.getByRole("button", { name: "Next page" }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "OPEN" } });
    await waitFor(() => expect(screen.getByRole("button", { name: "Previous page" })).toHaveProperty("disabled", true));
    expect(asked).toEqual([
      { status: null, first: 20, after: null },
      { status: null, first: 20, after: "c-end" },
      { status: "OPEN", first: 20, after: null },
    ]);
  });
});
