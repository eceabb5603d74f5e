import { describe, expect, it } from "vitest";
import { AccountModel, applyChange, MAX_POSSIBLE_STATES, type AccountState } from "./model.ts";

const initial: AccountState = { watchlist: [], profile: { firstName: "Ada", lastName: "Lovelace" } };

describe("the account model", () => {
  it("keeps the watchlist an ordered set: re-adding keeps the place, removing twice changes nothing, symbols normalized", () => {
    const changes = [
      { kind: "add", symbol: "AAPL" },
      { kind: "add", symbol: " msft " },
      { kind: "add", symbol: "aapl" },
      { kind: "remove", symbol: "AAPL" },
      { kind: "remove", symbol: "aapl" },
      { kind: "add", symbol: "TSLA" },
      { kind: "add", symbol: "AAPL" },
    ] as const;
    expect(changes.reduce(applyChange, initial).watchlist).toEqual(["MSFT", "TSLA", "AAPL"]);
  });

  it("replaces only the profile fields an update gives, trimmed", () => {
    const state = applyChange(initial, { kind: "profile", patch: { lastName: "  Hopper " } });
    expect(state.profile).toEqual({ firstName: "Ada", lastName: "Hopper" });
  });

  it("reports a watchlist in another order than the mutations imply", () => {
    const model = new AccountModel(initial);
    model.succeeded({ kind: "add", symbol: "AAPL" });
    model.succeeded({ kind: "add", symbol: "MSFT" });
    expect(model.observe("final read-back", { watchlist: ["MSFT", "AAPL"] })).toEqual({
      where: "final read-back",
      expected: [{ watchlist: ["AAPL", "MSFT"] }],
      actual: { watchlist: ["MSFT", "AAPL"] },
    });
  });

  it("reports a lost profile update, then follows the platform so it is reported once", () => {
    const model = new AccountModel(initial);
    model.succeeded({ kind: "profile", patch: { firstName: "Grace" } });
    const stale = { watchlist: [], profile: { firstName: "Ada", lastName: "Lovelace" } };
    expect(model.observe("me read", stale)?.expected).toEqual([{ watchlist: [], profile: { firstName: "Grace", lastName: "Lovelace" } }]);
    expect(model.observe("final read-back", stale)).toBeUndefined();
  });

  it("accepts either outcome of a mutation whose answer was unknown, and narrows to the one seen", () => {
    const model = new AccountModel(initial);
    model.succeeded({ kind: "add", symbol: "AAPL" });
    model.uncertain({ kind: "add", symbol: "MSFT" });
    expect(model.observe("me read", { watchlist: ["AAPL", "MSFT"] })).toBeUndefined();
    model.succeeded({ kind: "add", symbol: "NVDA" });
    expect(model.observe("addToWatchlist answer", { watchlist: ["AAPL", "NVDA"] })?.expected).toEqual([{ watchlist: ["AAPL", "MSFT", "NVDA"] }]);
  });

  it("gives up with an error rather than track unboundedly many possible states", () => {
    const model = new AccountModel(initial);
    expect(() => {
      for (let i = 0; i <= Math.log2(MAX_POSSIBLE_STATES); i++) model.uncertain({ kind: "add", symbol: `S${i}` });
    }).toThrow(/too many unknown outcomes/);
  });
});
