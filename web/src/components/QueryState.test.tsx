import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { errorMessage } from "./QueryState";

describe("errorMessage", () => {
  it("says the server cannot be reached on a network error", () => {
    expect(errorMessage(new CombinedError({ networkError: new Error("Failed to fetch") }))).toMatch(/cannot be reached/);
  });

  it("gives the server's messages, each once", () => {
    const error = new CombinedError({ graphQLErrors: [{ message: "Sign in first." }, { message: "Sign in first." }, { message: "Slow down." }] });
    expect(errorMessage(error)).toBe("Sign in first. Slow down.");
  });
});
