import { describe, expect, it } from "vitest";
import type { AccountState, PositionState } from "../../../trading/src/contract";
import { accountFigures, positionFigures } from "./valuation";

const position = (symbol: string, quantity: string, costBasis: string): PositionState => ({
  symbol,
  quantity,
  availableQuantity: quantity,
  costBasis,
  averageCost: "0.0000",
});

const account = (cash: string, netDeposits: string, positions: PositionState[]): AccountState => ({
  id: "account-1",
  currency: "USD",
  cash,
  buyingPower: cash,
  netDeposits,
  realizedPnl: "0.00",
  onLeaderboard: false,
  createdAt: "2026-12-01T15:00:00.000Z",
  resetAt: null,
  positions,
});

const prices = (table: Record<string, number>) => (symbol: string) => table[symbol] ?? null;

describe("a position's values at the current quote (trading.md)", () => {
  it("rule: marketValue = quantity * price, rounded half away from zero to the cent", () => {
    // 3 * 0.335 = 1.005 exactly in decimals: 1.01, where binary floats give 1.0050000000000001 or 1.00.
    expect(positionFigures(position("X", "3", "1.00"), 0.335).marketValue).toBe("1.01");
    expect(positionFigures(position("X", "0.5", "1.00"), 0.01).marketValue).toBe("0.01");
    expect(positionFigures(position("X", "1.2345", "100.00"), 245.42).marketValue).toBe("302.97");
  });

  it("rule: unrealizedPnl = marketValue - costBasis, to the cent, and its percent of the cost basis", () => {
    const figures = positionFigures(position("AAPL", "10", "2000.00"), 190.5);
    expect(figures).toEqual({ marketPrice: "190.5", marketValue: "1905.00", unrealizedPnl: "-95.00", unrealizedPnlPercent: -4.75 });
  });

  it("rule: position values use the quote's price at 4 places, without float noise", () => {
    // 0.1 + 0.2 as a JS number is 0.30000000000000004.
    expect(positionFigures(position("X", "10", "1.00"), 0.1 + 0.2)).toMatchObject({ marketPrice: "0.3", marketValue: "3.00", unrealizedPnl: "2.00" });
    expect(positionFigures(position("X", "1", "1.00"), 12.34567).marketPrice).toBe("12.3457");
  });

  it("has no market values without a quote", () => {
    expect(positionFigures(position("X", "1", "1.00"), null)).toEqual({ marketPrice: null, marketValue: null, unrealizedPnl: null, unrealizedPnlPercent: null });
  });

  it("has no percent for a position that cost nothing", () => {
    expect(positionFigures(position("X", "1", "0.00"), 5).unrealizedPnlPercent).toBeNull();
  });
});

describe("the account's figures (trading.md)", () => {
  const held = account("90000.00", "100000.00", [position("AAPL", "10", "2000.00"), position("MSFT", "20.5", "8000.00")]);

  it("rule: positionsValue and unrealizedPnl are the sums over positions; equity = cash + positionsValue", () => {
    const result = accountFigures(held, prices({ AAPL: 210, MSFT: 400.1 }));
    // AAPL 2100.00 (+100.00); MSFT 20.5 * 400.1 = 8202.05 (+202.05).
    expect(result).toEqual({
      figures: { positionsValue: "10302.05", unrealizedPnl: "302.05", equity: "100302.05", totalReturn: "302.05", totalReturnPercent: 0.30205 },
    });
  });

  it("rule: totalReturn = equity - netDeposits, and totalReturnPercent = totalReturn / netDeposits * 100", () => {
    const losing = account("50000.00", "150000.00", [position("AAPL", "100", "20000.00")]);
    expect(accountFigures(losing, prices({ AAPL: 150 }))).toEqual({
      figures: { positionsValue: "15000.00", unrealizedPnl: "-5000.00", equity: "65000.00", totalReturn: "-85000.00", totalReturnPercent: -56.666667 },
    });
  });

  it("an account without positions is worth its cash", () => {
    expect(accountFigures(account("100000.00", "100000.00", []), prices({}))).toEqual({
      figures: { positionsValue: "0.00", unrealizedPnl: "0.00", equity: "100000.00", totalReturn: "0.00", totalReturnPercent: 0 },
    });
  });

  it("names the positions without a quote instead of summing the others", () => {
    expect(accountFigures(held, prices({ AAPL: 210 }))).toEqual({ unpriced: ["MSFT"] });
  });

  it("refuses text from the service that is not a decimal (a bug, not a figure)", () => {
    expect(() => accountFigures(account("1e5", "100000.00", []), prices({}))).toThrow(/not a decimal/);
  });
});
