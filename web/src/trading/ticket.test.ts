import { describe, expect, it } from "vitest";
import { estimatedCost, priceFieldsOf, priceRule, quantityRule, type CostInput } from "./ticket";

const order = (input: Partial<CostInput>): CostInput => ({
  type: "MARKET",
  quantity: "",
  limitPrice: "",
  stopPrice: "",
  marketPrice: null,
  ...input,
});

describe("the order ticket's fields", () => {
  it("asks for a limit price for Limit and Stop limit, a stop price for Stop and Stop limit, neither for Market", () => {
    expect(priceFieldsOf("MARKET")).toEqual({ limitPrice: false, stopPrice: false });
    expect(priceFieldsOf("LIMIT")).toEqual({ limitPrice: true, stopPrice: false });
    expect(priceFieldsOf("STOP")).toEqual({ limitPrice: false, stopPrice: true });
    expect(priceFieldsOf("STOP_LIMIT")).toEqual({ limitPrice: true, stopPrice: true });
  });

  it("takes a quantity above 0, at most 1,000,000, with at most 4 decimals", () => {
    expect(quantityRule("10")).toBeUndefined();
    expect(quantityRule(" 2.5 ")).toBeUndefined();
    expect(quantityRule("0.0001")).toBeUndefined();
    expect(quantityRule("1000000")).toBeUndefined();
    expect(quantityRule("")).toBe("Enter the number of shares.");
    expect(quantityRule("0")).toBe("Quantity must be above 0.");
    expect(quantityRule("-1")).toBe("Quantity must be above 0.");
    expect(quantityRule("1000000.0001")).toBe("Quantity must be at most 1,000,000.");
    expect(quantityRule("1.23456")).toMatch(/at most 4 decimal places/);
    expect(quantityRule("1e3")).toMatch(/at most 4 decimal places/);
    expect(quantityRule("ten")).toMatch(/at most 4 decimal places/);
  });

  it("takes a price above 0 with at most 4 decimals, naming the field", () => {
    expect(priceRule("Limit price")("149.25")).toBeUndefined();
    expect(priceRule("Limit price")("")).toBe("Enter the limit price.");
    expect(priceRule("Stop price")("0")).toBe("Stop price must be above 0.");
    expect(priceRule("Stop price")("1.00001")).toMatch(/^Stop price must be an amount with at most 4 decimal places/);
  });
});

describe("the estimated cost", () => {
  it("is quantity times the quote's price for a market order, to the cent", () => {
    expect(estimatedCost(order({ quantity: "3", marketPrice: 231.45 }))).toBe("694.35");
    expect(estimatedCost(order({ quantity: "10", marketPrice: 0.1 + 0.2 }))).toBe("3.00");
    expect(estimatedCost(order({ quantity: "1000000", marketPrice: 9999.9999 }))).toBe("9999999900.00");
  });

  it("is quantity times the limit for Limit and Stop limit, times the stop for Stop", () => {
    const prices = { quantity: "2", limitPrice: "100.10", stopPrice: "90.05", marketPrice: 95 };
    expect(estimatedCost(order({ ...prices, type: "LIMIT" }))).toBe("200.20");
    expect(estimatedCost(order({ ...prices, type: "STOP_LIMIT" }))).toBe("200.20");
    expect(estimatedCost(order({ ...prices, type: "STOP" }))).toBe("180.10");
  });

  it("rounds half away from zero to the cent, in exact decimals", () => {
    // 0.0005 * 1.0001 = 0.00050005 -> 0.00; 0.3333 * 10.005 = 3.3346665 -> 3.33; 1.5 * 0.0033 = 0.00495 -> 0.00; 0.5 * 0.0101 = 0.00505 -> 0.01
    expect(estimatedCost(order({ type: "LIMIT", quantity: "0.0005", limitPrice: "1.0001" }))).toBe("0.00");
    expect(estimatedCost(order({ type: "LIMIT", quantity: "0.3333", limitPrice: "10.005" }))).toBe("3.33");
    expect(estimatedCost(order({ type: "LIMIT", quantity: "1.5", limitPrice: "0.0033" }))).toBe("0.00");
    expect(estimatedCost(order({ type: "LIMIT", quantity: "0.5", limitPrice: "0.0101" }))).toBe("0.01");
    expect(estimatedCost(order({ type: "LIMIT", quantity: "1", limitPrice: "0.005" }))).toBe("0.01");
  });

  it("is unknown while a field it needs is empty or invalid, or there is no quote for a market order", () => {
    expect(estimatedCost(order({ quantity: "3", marketPrice: null }))).toBeNull();
    expect(estimatedCost(order({ quantity: "", marketPrice: 10 }))).toBeNull();
    expect(estimatedCost(order({ quantity: "0", marketPrice: 10 }))).toBeNull();
    expect(estimatedCost(order({ type: "LIMIT", quantity: "3", limitPrice: "" }))).toBeNull();
    expect(estimatedCost(order({ type: "STOP", quantity: "3", stopPrice: "1.23456" }))).toBeNull();
    expect(estimatedCost(order({ type: "STOP", quantity: "3", stopPrice: "0" }))).toBeNull();
  });
});
