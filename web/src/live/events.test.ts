import { describe, expect, it } from "vitest";
import { errorOutcome, parseNext } from "./events";

const error = (code: string) => ({ message: "No.", extensions: { code } });

describe("a next event", () => {
  it("carries data or errors", () => {
    expect(parseNext('{"data":{"quotes":{"symbol":"AAPL"}}}')).toEqual({ data: { quotes: { symbol: "AAPL" } } });
    expect(parseNext(JSON.stringify({ errors: [error("FORBIDDEN")] }))).toEqual({ errors: [error("FORBIDDEN")] });
  });

  it("is ignored when it is not a GraphQL result", () => {
    for (const text of ["", "not json", "null", "42", '{"data":null}', '{"errors":[]}']) expect(parseNext(text), text).toBeUndefined();
  });
});

describe("a stream's error", () => {
  it("is final when the same request would be refused again", () => {
    expect(errorOutcome([error("BAD_USER_INPUT")])).toBe("final");
    expect(errorOutcome([error("FORBIDDEN")])).toBe("final");
    expect(errorOutcome([error("PERSISTED_QUERY_NOT_FOUND")])).toBe("final");
  });

  it("asks for a session refresh when the token is the cause", () => {
    expect(errorOutcome([error("UNAUTHENTICATED")])).toBe("refresh");
  });

  it("is worth retrying otherwise", () => {
    expect(errorOutcome([error("RATE_LIMITED")])).toBe("retry");
    expect(errorOutcome([{ message: "Something broke." }])).toBe("retry");
  });
});
