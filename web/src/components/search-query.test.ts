import { describe, expect, it } from "vitest";
import { checkSearchQuery, SEARCH_QUERY_MAX, searchPath } from "./search-query";

describe("checkSearchQuery", () => {
  it("trims, as the gateway does", () => {
    expect(checkSearchQuery("  micro ")).toEqual({ ok: true, query: "micro" });
  });

  it("refuses an empty query, saying what to type", () => {
    expect(checkSearchQuery("   ")).toMatchObject({ ok: false, empty: true, message: expect.stringMatching(/symbol or a company name/) });
  });

  it("takes 64 characters after trimming and refuses 65", () => {
    expect(checkSearchQuery(` ${"a".repeat(SEARCH_QUERY_MAX)} `)).toMatchObject({ ok: true });
    expect(checkSearchQuery("a".repeat(SEARCH_QUERY_MAX + 1))).toMatchObject({ ok: false, empty: false, message: expect.stringMatching(/at most 64/) });
  });

  it("puts the query in the search page's address", () => {
    expect(searchPath("S&P 500")).toBe("/search?q=S%26P%20500");
  });
});
