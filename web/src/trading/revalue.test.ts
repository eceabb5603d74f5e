import { describe, expect, it } from "vitest";
import { revalue } from "./revalue";

const position = {
  symbol: "AAPL",
  stock: { symbol: "AAPL", name: "Apple Inc." },
  quantity: "4",
  averageCost: "100",
  costBasis: "400",
  marketPrice: "100",
  marketValue: "400.00",
  unrealizedPnl: "0.00",
  unrealizedPnlPercent: 0,
};

describe("a position at a live price", () => {
  it("is worth quantity times the price, its P&L against the cost basis", () => {
    expect(revalue(position, 110.5)).toEqual({ ...position, marketPrice: "110.5", marketValue: "442.00", unrealizedPnl: "42.00", unrealizedPnlPercent: 10.5 });
  });

  it("has no P&L percentage without a cost basis", () => {
    expect(revalue({ ...position, costBasis: "0" }, 1).unrealizedPnlPercent).toBeNull();
  });
});
