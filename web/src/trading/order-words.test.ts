import { describe, expect, it } from "vitest";
import { outcomeOf, type OutcomeOrder } from "./order-words";

const buy = (order: Partial<OutcomeOrder>): OutcomeOrder => ({
  symbol: "AAPL",
  side: "BUY",
  type: "MARKET",
  quantity: "10.0000",
  status: "OPEN",
  ...order,
});

// The app formats in the browser's locale; the test runner's is en-US.
describe("the order ticket's outcome", () => {
  it("starts with Filled and gives the fill price and the amount", () => {
    const outcome = outcomeOf(buy({ status: "FILLED", averageFillPrice: "231.4500", cashAmount: "-2314.50" }), "USD");
    expect(outcome).toEqual({ text: "Filled: bought 10 AAPL at $231.45 ($2,314.50).", rejected: false });
    expect(outcomeOf(buy({ side: "SELL", quantity: "2.5", status: "FILLED", averageFillPrice: "100.1234", cashAmount: "250.31" }), "USD").text).toBe(
      "Filled: sold 2.5 AAPL at $100.1234 ($250.31).",
    );
  });

  it("starts with Open for a resting order and names its prices", () => {
    expect(outcomeOf(buy({ type: "LIMIT", limitPrice: "1.0000" }), "USD")).toEqual({
      text: "Open: buy 10 AAPL with a limit of $1.00, waiting for its price.",
      rejected: false,
    });
    expect(outcomeOf(buy({ type: "STOP_LIMIT", stopPrice: "250", limitPrice: "255.5" }), "USD").text).toBe(
      "Open: buy 10 AAPL with a stop of $250.00 and a limit of $255.50, waiting for its price.",
    );
  });

  it("starts with Canceled and says why", () => {
    expect(outcomeOf(buy({ type: "LIMIT", limitPrice: "1", status: "CANCELED", reason: "NOT_IMMEDIATELY_FILLABLE" }), "USD")).toEqual({
      text: "Canceled: buy 10 AAPL with a limit of $1.00, because it could not be filled at once.",
      rejected: false,
    });
    expect(outcomeOf(buy({ status: "CANCELED", reason: "CANCELED_BY_USER" }), "USD").text).toBe("Canceled: buy 10 AAPL, because you canceled it.");
  });

  it("starts with Rejected and gives the reason in plain words, as an alert", () => {
    expect(outcomeOf(buy({ status: "REJECTED", reason: "INSUFFICIENT_BUYING_POWER" }), "USD")).toEqual({
      text: "Rejected: not enough buying power to pay for it (buy 10 AAPL).",
      rejected: true,
    });
    expect(outcomeOf(buy({ side: "SELL", status: "REJECTED", reason: "INSUFFICIENT_POSITION" }), "USD").text).toMatch(
      /^Rejected: you do not have that many shares available to sell \(sell 10 AAPL\)\.$/,
    );
    expect(outcomeOf(buy({ status: "REJECTED", reason: "MARKET_CLOSED" }), "USD").text).toMatch(/^Rejected: the market is closed/);
    expect(outcomeOf(buy({ status: "REJECTED", reason: null }), "USD")).toEqual({ text: "Rejected: buy 10 AAPL.", rejected: true });
  });

  it("starts with Expired for an order the day or the time limit ended", () => {
    expect(outcomeOf(buy({ type: "LIMIT", limitPrice: "5", status: "EXPIRED", reason: "END_OF_DAY" }), "USD").text).toBe(
      "Expired: buy 10 AAPL with a limit of $5.00, because the trading day ended before it filled.",
    );
  });
});
