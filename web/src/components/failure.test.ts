import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { AuthError } from "../auth/api";
import { failureOf, fieldSentence, retryInWords } from "./failure";

const labels = { email: "Email", password: "Password", firstName: "First name" };

describe("a refusal as a form shows it", () => {
  it("puts the server's details on their fields, under the field's label", () => {
    const error = new AuthError("BAD_REQUEST", "Some fields are invalid.", [
      { field: "password", message: "is too common: choose a less guessable password" },
      { field: "firstName", message: "must not be empty" },
    ]);
    expect(failureOf(error, labels)).toEqual({
      message: "Some fields are invalid.",
      fields: { password: "Password is too common: choose a less guessable password.", firstName: "First name must not be empty." },
    });
  });

  it("keeps details about fields the form does not have in the alert", () => {
    const error = new AuthError("BAD_REQUEST", "Some fields are invalid.", [{ field: "body", message: "must be an object" }]);
    expect(failureOf(error, labels)).toEqual({ message: "Some fields are invalid. body must be an object.", fields: {} });
  });

  it("says when to try again after RATE_LIMITED", () => {
    const error = new AuthError("RATE_LIMITED", "Too many attempts. Try again later.", [], 840);
    expect(failureOf(error, labels).message).toBe("Too many attempts. Try again later. You can try again in about 14 minutes.");
  });

  it("places a refusal without details on the field its code is about", () => {
    const error = new AuthError("CONFLICT", "An account with this email already exists.");
    expect(failureOf(error, labels, { CONFLICT: "email" })).toEqual({ fields: { email: "An account with this email already exists." } });
    expect(failureOf(error, labels)).toEqual({ message: "An account with this email already exists.", fields: {} });
  });

  it("places GraphQL BAD_USER_INPUT by its argument", () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: "input.firstName: must not be empty", extensions: { code: "BAD_USER_INPUT", argument: "input.firstName" } }],
    });
    expect(failureOf(error, labels)).toEqual({ message: undefined, fields: { firstName: "First name must not be empty." } });
    const refused = new CombinedError({ graphQLErrors: [{ message: "An admin must remain.", extensions: { code: "BAD_USER_INPUT" } }] });
    expect(failureOf(refused, labels)).toEqual({ message: "An admin must remain.", fields: {} });
    expect(failureOf(new CombinedError({ networkError: new Error("offline") }), labels).message).toMatch(/cannot be reached/);
  });

  it("words seconds as a person would", () => {
    expect(retryInWords(1)).toBe("1 second");
    expect(retryInWords(45)).toBe("45 seconds");
    expect(retryInWords(60)).toBe("about 1 minute");
    expect(retryInWords(61)).toBe("about 2 minutes");
    expect(retryInWords(7200)).toBe("about 2 hours");
    expect(fieldSentence("Email", "An account exists.")).toBe("An account exists.");
  });
});
