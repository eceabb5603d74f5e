import { describe, expect, it } from "vitest";
import { retryDelay } from "./backoff";

describe("the reconnection delay", () => {
  it("doubles from 1 s to at most 30 s", () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => retryDelay(attempt, () => 1));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("is drawn between half and all of it, so that dropped clients spread out", () => {
    expect(retryDelay(0, () => 0)).toBe(500);
    expect(retryDelay(3, () => 0.5)).toBe(6_000);
    expect(retryDelay(9, () => 0)).toBe(15_000);
  });
});
