import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { SearchBox } from "./SearchBox";

function Where() {
  const { pathname, search } = useLocation();
  return <output aria-label="Address">{pathname + search}</output>;
}

const renderAt = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <SearchBox />
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
    </MemoryRouter>,
  );

const field = () => screen.getByRole("searchbox", { name: "Search stocks" });
const address = () => screen.getByLabelText("Address").textContent;

afterEach(cleanup);

describe("SearchBox", () => {
  it("on /search shows the page's query; elsewhere it starts empty", () => {
    renderAt("/search?q=micro");
    expect(field()).toHaveProperty("value", "micro");
  });

  it("starts empty off the search page", () => {
    renderAt("/stocks/AAPL?q=ignored");
    expect(field()).toHaveProperty("value", "");
  });

  it("submits the trimmed query to /search?q=", () => {
    renderAt("/watchlist");
    fireEvent.change(field(), { target: { value: "  s&p " } });
    fireEvent.submit(field().closest("form")!);
    expect(address()).toBe("/search?q=s%26p");
    expect(field()).toHaveProperty("value", "s&p");
  });

  it("refuses an empty or too long query with a message tied to the field, and stays", () => {
    renderAt("/watchlist");
    fireEvent.submit(field().closest("form")!);
    expect(field().getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("searchbox", { description: /symbol or a company name/ })).toBe(field());
    fireEvent.change(field(), { target: { value: "x".repeat(65) } });
    fireEvent.submit(field().closest("form")!);
    expect(screen.getByRole("searchbox", { description: /at most 64/ })).toBe(field());
    expect(address()).toBe("/watchlist");
  });
});
