import { describe, expect, it } from "vitest";
import { depositRule } from "./deposit";

describe("a deposit's amount", () => {
  it("is 0.01 to 1,000,000.00 with at most 2 decimals", () => {
    for (const ok of ["0.01", "500", "250.75", " 1000000.00 "]) expect(depositRule(ok), ok).toBeUndefined();
    expect(depositRule("")).toBe("Enter the amount to deposit.");
    expect(depositRule("0")).toBe("Amount must be at least $0.01.");
    expect(depositRule("0.001")).toMatch(/at most 2 decimal places/);
    expect(depositRule("1000000.01")).toBe("Amount must be at most $1,000,000.00 a time.");
    expect(depositRule("$5")).toMatch(/at most 2 decimal places/);
  });
});
