import { describe, expect, it } from "vitest";
import { check, givenPassword, newEmail, newPassword, personName, signInEmail } from "./rules";

const firstName = personName("First name");

describe("the input rules of auth-api.md", () => {
  it("trims emails and allows at most 254 characters", () => {
    expect(signInEmail("  ada@example.com ")).toBeUndefined();
    expect(signInEmail("   ")).toBe("Enter your email address.");
    const local = "a".repeat(254 - "@example.com".length);
    expect(newEmail(` ${local}@example.com `)).toBeUndefined();
    expect(newEmail(`a${local}@example.com`)).toBe("Email must be at most 254 characters.");
  });

  it("asks a new account for the shape of an address", () => {
    expect(newEmail("ada")).toMatch(/such as name@example.com/);
    expect(newEmail("ada@ example.com")).toMatch(/such as/);
    expect(signInEmail("ada")).toBeUndefined();
  });

  it("wants new passwords of 8 to 128 characters", () => {
    expect(newPassword()("1234567")).toBe("Password must be at least 8 characters.");
    expect(newPassword()("12345678")).toBeUndefined();
    expect(newPassword()("x".repeat(128))).toBeUndefined();
    expect(newPassword()("x".repeat(129))).toBe("Password must be at most 128 characters.");
    expect(newPassword()("long enough \uD800")).toMatch(/cannot be stored/);
  });

  it("checks a given password only for presence and the upper bound", () => {
    expect(givenPassword()("")).toBe("Enter your password.");
    expect(givenPassword()("short")).toBeUndefined();
    expect(givenPassword()("x".repeat(129))).toMatch(/at most 128/);
    expect(givenPassword("Current password")("")).toBe("Enter your current password.");
    expect(newPassword("New password")("short")).toBe("New password must be at least 8 characters.");
  });

  it("counts names in user-perceived characters after trimming", () => {
    expect(firstName(`  ${"👨‍👩‍👧‍👦".repeat(100)}  `)).toBeUndefined();
    expect(firstName("é".repeat(101))).toBe("First name must be at most 100 characters.");
    expect(firstName(`${"e\u0301".repeat(100)}`)).toBeUndefined();
    expect(firstName(" \t ")).toBe("Enter your first name.");
    expect(firstName("Ada\u0000")).toBe("First name must not contain control characters.");
    expect(firstName("Ada\uD800")).toMatch(/^First name must be well-formed text/);
  });

  it("collects each field's problem", () => {
    const rules = { email: newEmail, password: newPassword(), firstName };
    expect(check(rules, { email: "ada@example.com", password: "a long passphrase", firstName: "Ada" })).toEqual({});
    expect(check(rules, { email: "", password: "short", firstName: "Ada" })).toEqual({
      email: "Enter your email address.",
      password: "Password must be at least 8 characters.",
    });
  });
});
