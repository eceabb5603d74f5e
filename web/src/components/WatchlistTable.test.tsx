import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WatchlistTable, type WatchlistRow } from "./WatchlistTable";

afterEach(cleanup);

const rows: WatchlistRow[] = [
  { symbol: "AAPL", stock: { symbol: "AAPL", name: "Apple Inc.", currency: "USD", quote: { price: 245.42, change: -0.84, changePercent: -0.34, stale: true } } },
  { symbol: "GONE", stock: null },
];

const renderTable = (onRemove?: (symbol: string) => void) =>
  render(
    <MemoryRouter>
      <WatchlistTable rows={rows} onRemove={onRemove} />
    </MemoryRouter>,
  );

describe("WatchlistTable", () => {
  it("has a row per symbol with its link, name, price and change", () => {
    renderTable();
    const apple = screen.getByRole("row", { name: /AAPL/ });
    expect(within(apple).getByRole("link", { name: "AAPL" }).getAttribute("href")).toBe("/stocks/AAPL");
    expect(within(apple).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["Apple Inc.", "$245.42 (last known)", "▼ -$0.84 (-0.34%)"]);
    expect(screen.queryByRole("button")).toBeNull();
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
