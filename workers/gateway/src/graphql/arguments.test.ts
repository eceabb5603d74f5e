import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { idArg, intArg, symbolArg, symbolsArg, textArg } from "./arguments";

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : error;
  }
  return "no error";
}

describe("argument checks", () => {
  it("normalizes symbols: ' aapl ' means 'AAPL'", () => {
    expect(symbolArg(" aapl ")).toBe("AAPL");
    expect(symbolArg("brk.b")).toBe("BRK.B");
  });

  it.each(["", "   ", "AA PL", "A".repeat(21), "<script>", "💥"])("refuses the symbol %j", (symbol) => {
    expect(codeOf(() => symbolArg(symbol))).toBe("BAD_USER_INPUT");
  });

  it("takes 1 to max symbols", () => {
    expect(symbolsArg(["msft", "AAPL"], 50)).toEqual(["MSFT", "AAPL"]);
    expect(codeOf(() => symbolsArg([], 50))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => symbolsArg(Array(51).fill("AAPL"), 50))).toBe("BAD_USER_INPUT");
  });

  it("bounds integers and text", () => {
    expect(intArg("limit", 25, 1, 25)).toBe(25);
    expect(codeOf(() => intArg("limit", 0, 1, 25))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => intArg("limit", 26, 1, 25))).toBe("BAD_USER_INPUT");
    expect(textArg("query", "  apple ", 1, 64)).toBe("apple");
    expect(codeOf(() => textArg("query", "   ", 1, 64))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => textArg("query", "x".repeat(65), 1, 64))).toBe("BAD_USER_INPUT");
  });

  it("says which argument and why", () => {
    expect(() => intArg("first", 101, 1, 100)).toThrow("first: must be an integer from 1 to 100");
  });

  it("accepts user ids only in their shape", () => {
    expect(idArg("id", "0B6E1A52-6F1D-4E58-9C43-3F1A2B3C4D5E")).toBe("0b6e1a52-6f1d-4e58-9c43-3f1a2b3c4d5e");
    expect(codeOf(() => idArg("id", "1 OR 1=1"))).toBe("BAD_USER_INPUT");
  });
});
