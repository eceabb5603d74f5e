import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { idArg, intArg, nameArg, symbolArg, symbolsArg, textArg } from "./arguments";

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

  it.each(["", "   ", "AA PL", "A".repeat(21), "<script>", "💥", ".", "-", "^", "A^B", "ß"])("refuses the symbol %j", (symbol) => {
    expect(codeOf(() => symbolArg(symbol))).toBe("BAD_USER_INPUT");
  });

  it("names the argument of a refused symbol", () => {
    expect(() => symbolArg(".")).toThrow(/^symbol: "\." is not a ticker symbol/);
    const [good, bad] = symbolsArg(["aapl", "."], 50);
    expect(good).toBe("AAPL");
    expect(bad).toMatchObject({ message: expect.stringMatching(/^symbols: "\." is not a ticker symbol/), extensions: { code: "BAD_USER_INPUT", argument: "symbols" } });
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

  it("checks names by the contract's rule: graphemes, well-formed, no control characters", () => {
    expect(nameArg("input.firstName", " Ada ")).toBe("Ada");
    expect(nameArg("input.firstName", "😀".repeat(60))).toBe("😀".repeat(60));
    expect(codeOf(() => nameArg("input.firstName", "x".repeat(101)))).toBe("BAD_USER_INPUT");
    expect(() => nameArg("input.lastName", "Ada\uD800")).toThrow("input.lastName: must be well-formed text (no lone surrogates)");
    expect(() => nameArg("input.lastName", "a\u0000b")).toThrow("input.lastName: must not contain control characters");
  });

  it("says which argument and why", () => {
    expect(() => intArg("first", 101, 1, 100)).toThrow("first: must be an integer from 1 to 100");
  });

  it("accepts user ids only in their shape", () => {
    expect(idArg("id", "0B6E1A52-6F1D-4E58-9C43-3F1A2B3C4D5E")).toBe("0b6e1a52-6f1d-4e58-9c43-3f1a2b3c4d5e");
    expect(codeOf(() => idArg("id", "1 OR 1=1"))).toBe("BAD_USER_INPUT");
  });
});
