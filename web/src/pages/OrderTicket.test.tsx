import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { CombinedError, Provider, type Client } from "urql";
import { afterEach, describe, expect, it } from "vitest";
import { fromValue } from "wonka";
import type { TicketAccountFragment } from "../gql/graphql";
import { OrderTicket } from "./OrderTicket";

afterEach(cleanup);

const account: TicketAccountFragment = {
  id: "a1",
  currency: "USD",
  buyingPower: "100000.00",
  positions: [{ symbol: "AAPL", quantity: "5.0000", availableQuantity: "3.0000" }],
};

const filled = {
  id: "o1",
  symbol: "AAPL",
  side: "BUY",
  type: "MARKET",
  timeInForce: "DAY",
  quantity: "3.0000",
  limitPrice: null,
  stopPrice: null,
  status: "FILLED",
  reason: null,
  averageFillPrice: "231.4500",
  cashAmount: "-694.35",
  createdAt: "2026-12-01T15:00:00Z",
  filledAt: "2026-12-01T15:00:00Z",
};

interface Answers {
  placeOrder?: { data?: unknown; error?: CombinedError };
}

/** A client that answers placeOrder as told, openTradingAccount and the account refresh with `account`. */
function renderTicket(loaded: TicketAccountFragment | null, answers: Answers = {}) {
  const placed: unknown[] = [];
  const mutation = (operation: { variables: { input?: unknown }; query: { definitions: { name?: { value: string } }[] } }) => {
    const name = operation.query.definitions[0]?.name?.value;
    if (name === "PlaceOrder") {
      placed.push(operation.variables.input);
      return fromValue({ operation, ...answers.placeOrder, stale: false, hasNext: false });
    }
    return fromValue({ operation, data: { openTradingAccount: account }, stale: false, hasNext: false });
  };
  const client = {
    executeMutation: mutation,
    query: () => ({ toPromise: async () => ({ data: { me: { id: "u1", tradingAccount: { ...account, buyingPower: "99305.65" } } } }) }),
  } as unknown as Client;
  render(
    <Provider value={client}>
      <OrderTicket symbol="AAPL" marketPrice={231.45} account={loaded} unavailable={false} />
    </Provider>,
  );
  return { placed, form: () => screen.getByRole("form", { name: "Order ticket" }) };
}

const chooseType = (name: string) => fireEvent.change(screen.getByLabelText("Order type"), { target: { value: name } });
const typeInto = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const estimate = () => screen.getByLabelText(/^Estimated (cost|proceeds)$/).textContent;

describe("the order ticket", () => {
  it("has Buy/Sell, Order type, Quantity, Time in force and Place order; Buy is chosen", () => {
    const { form } = renderTicket(account);
    const ticket = within(form());
    expect((ticket.getByRole("radio", { name: "Buy" }) as HTMLInputElement).checked).toBe(true);
    expect(ticket.getByRole("radio", { name: "Sell" })).toBeTruthy();
    expect(ticket.getAllByRole("option").map((o) => o.textContent)).toEqual(["Market", "Limit", "Stop", "Stop limit", "Day", "GTC", "IOC", "FOK"]);
    expect(ticket.getByRole("combobox", { name: "Time in force" })).toBeTruthy();
    expect(ticket.getByRole("button", { name: "Place order" })).toBeTruthy();
  });

  it("shows Limit price and Stop price only for the types that need them", () => {
    renderTicket(account);
    const shown = () => ["Quantity", "Limit price", "Stop price"].filter((label) => screen.queryByLabelText(label));
    expect(shown()).toEqual(["Quantity"]);
    chooseType("LIMIT");
    expect(shown()).toEqual(["Quantity", "Limit price"]);
    chooseType("STOP");
    expect(shown()).toEqual(["Quantity", "Stop price"]);
    chooseType("STOP_LIMIT");
    expect(shown()).toEqual(["Quantity", "Limit price", "Stop price"]);
    chooseType("MARKET");
    expect(shown()).toEqual(["Quantity"]);
  });

  it("estimates the cost from the quote for Market and from the limit or stop otherwise", () => {
    renderTicket(account);
    expect(estimate()).toBe("Fill in the fields above");
    typeInto("Quantity", "3");
    expect(estimate()).toBe("$694.35");
    chooseType("LIMIT");
    expect(estimate()).toBe("Fill in the fields above");
    typeInto("Limit price", "100.10");
    expect(estimate()).toBe("$300.30");
    chooseType("STOP");
    typeInto("Stop price", "90.05");
    expect(estimate()).toBe("$270.15");
    fireEvent.click(screen.getByRole("radio", { name: "Sell" }));
    expect(screen.getByLabelText("Estimated proceeds").textContent).toBe("$270.15");
    expect(screen.getByText("You hold 5 AAPL, 3 available to sell.")).toBeTruthy();
  });

  it("places the order and says Filled with the price in a status, then shows the new buying power", async () => {
    const { placed } = renderTicket(account, { placeOrder: { data: { placeOrder: filled } } });
    typeInto("Quantity", " 3 ");
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Filled: bought 3 AAPL at $231.45 ($694.35)."));
    expect(placed).toEqual([
      {
        symbol: "AAPL",
        side: "BUY",
        type: "MARKET",
        timeInForce: "DAY",
        quantity: "3",
        limitPrice: null,
        stopPrice: null,
        clientOrderId: expect.stringMatching(/^[\w-]{36}$/),
      },
    ]);
    await screen.findByText("Buying power: $99,305.65");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("sends the limit and stop prices the type needs, and the time in force chosen", async () => {
    const { placed } = renderTicket(account, {
      placeOrder: { data: { placeOrder: { ...filled, type: "STOP_LIMIT", status: "OPEN", stopPrice: "1", limitPrice: "2" } } },
    });
    fireEvent.click(screen.getByRole("radio", { name: "Sell" }));
    chooseType("STOP_LIMIT");
    typeInto("Quantity", "1");
    typeInto("Stop price", "1");
    typeInto("Limit price", "2");
    fireEvent.change(screen.getByLabelText("Time in force"), { target: { value: "GTC" } });
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^Open: buy 3 AAPL with a stop of \$1\.00 and a limit of \$2\.00/));
    expect(placed).toMatchObject([{ side: "SELL", type: "STOP_LIMIT", quantity: "1", stopPrice: "1", limitPrice: "2", timeInForce: "GTC" }]);
  });

  it("says a rejection in an alert, starting with Rejected and the reason in words", async () => {
    renderTicket(account, {
      placeOrder: {
        data: { placeOrder: { ...filled, status: "REJECTED", reason: "INSUFFICIENT_BUYING_POWER", averageFillPrice: null, cashAmount: null } },
      },
    });
    typeInto("Quantity", "3");
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Rejected: not enough buying power to pay for it (buy 3 AAPL).");
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("checks the fields before sending, and ties the server's BAD_USER_INPUT to its field", async () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: "input.limitPrice: must be above 0", extensions: { code: "BAD_USER_INPUT", argument: "input.limitPrice" } }],
    });
    const { placed } = renderTicket(account, { placeOrder: { error } });
    chooseType("LIMIT");
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() => expect(screen.getByLabelText("Quantity").getAttribute("aria-invalid")).toBe("true"));
    expect(
      screen.getByRole("textbox", { name: "Quantity", description: "Enter the number of shares. Shares, up to 4 decimal places." }),
    ).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Limit price", description: "Enter the limit price." })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Quantity"));
    expect(placed).toEqual([]);

    typeInto("Quantity", "1");
    typeInto("Limit price", "5");
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() => expect(screen.getByLabelText("Limit price").getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByRole("textbox", { name: "Limit price", description: "Limit price must be above 0." })).toBeTruthy();
    expect(placed).toHaveLength(1);
  });

  it("clears the last outcome on the next attempt, even one the field rules refuse", async () => {
    renderTicket(account, { placeOrder: { data: { placeOrder: filled } } });
    typeInto("Quantity", "3");
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^Filled/));
    typeInto("Quantity", "0");
    fireEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() => expect(screen.getByLabelText("Quantity").getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("offers Open paper account without an account, then shows the ticket", async () => {
    renderTicket(null);
    const form = screen.getByRole("form", { name: "Order ticket" });
    expect(within(form).queryByRole("button", { name: "Place order" })).toBeNull();
    fireEvent.click(within(form).getByRole("button", { name: "Open paper account" }));
    await screen.findByRole("button", { name: "Place order" });
    expect(screen.getByText("Buying power: $100,000.00")).toBeTruthy();
  });
});
