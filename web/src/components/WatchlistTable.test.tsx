import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { Provider, type Client } from "urql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeSubject, type Source } from "wonka";
import { WatchlistTable, type WatchlistRow } from "./WatchlistTable";

afterEach(cleanup);

const rows: WatchlistRow[] = [
  { symbol: "AAPL", stock: { symbol: "AAPL", name: "Apple Inc.", currency: "USD", quote: { price: 245.42, change: -0.84, changePercent: -0.34, stale: true } } },
  { symbol: "GONE", stock: null },
];

/** With a client whose `quotes` subscription is `live`; what it was asked for goes in `asked`. */
const renderTable = (onRemove?: (symbol: string) => void, live: Source<unknown> = makeSubject().source, asked: unknown[] = []) =>
  render(
    <Provider value={{ executeSubscription: (operation: { variables: unknown }) => (asked.push(operation.variables), live) } as unknown as Client}>
      <MemoryRouter>
        <WatchlistTable rows={rows} onRemove={onRemove} />
      </MemoryRouter>
    </Provider>,
  );

describe("WatchlistTable", () => {
  it("has a row per symbol with its link, name, price and change", () => {
    renderTable();
    const apple = screen.getByRole("row", { name: /AAPL/ });
    expect(within(apple).getByRole("link", { name: "AAPL" }).getAttribute("href")).toBe("/stocks/AAPL");
    expect(within(apple).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["Apple Inc.", "$245.42 (last known)", "▼ -$0.84 (-0.34%)"]);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("follows the quotes of its listed symbols: a new price shows without reload", () => {
    const live = makeSubject<unknown>();
    const asked: unknown[] = [];
    renderTable(undefined, live.source, asked);
    expect(asked).toEqual([{ symbols: ["AAPL"] }]);
    const quote = { price: 250.1, change: 3.84, changePercent: 1.56, stale: false };
    act(() => live.next({ data: { quotes: { symbol: "AAPL", quote } }, stale: false, hasNext: true }));
    const apple = screen.getByRole("row", { name: /AAPL/ });
    expect(within(apple).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["Apple Inc.", "$250.10", "▲ +$3.84 (+1.56%)"]);
  });

  it("says what it lacks for a symbol that stopped resolving", () => {
    renderTable();
    expect(within(screen.getByRole("row", { name: /GONE/ })).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "No longer listed",
      "No quote",
    ]);
  });

  it("names each Remove button by its symbol", () => {
    const onRemove = vi.fn();
    renderTable(onRemove);
    fireEvent.click(screen.getByRole("button", { name: "Remove GONE" }));
    expect(onRemove).toHaveBeenCalledWith("GONE");
  });
});
