import { describe, expect, it } from "vitest";
import { expiresAt, expiryReason, GTC_LIFETIME_MS, nextNewYorkClose } from "./expiry";

describe("order expiry", () => {
  it("rule: a DAY order expires at the first 16:00 New York time after it was placed", () => {
    // Winter (EST, UTC-5): 16:00 is 21:00 UTC.
    expect(nextNewYorkClose(new Date("2026-12-01T15:00:00Z")).toISOString()).toBe("2026-12-01T21:00:00.000Z");
    expect(nextNewYorkClose(new Date("2026-12-01T20:59:59.999Z")).toISOString()).toBe("2026-12-01T21:00:00.000Z");
    // At or after 16:00 it is the next day's.
    expect(nextNewYorkClose(new Date("2026-12-01T21:00:00Z")).toISOString()).toBe("2026-12-02T21:00:00.000Z");
    expect(nextNewYorkClose(new Date("2026-12-02T03:00:00Z")).toISOString()).toBe("2026-12-02T21:00:00.000Z"); // 22:00 New York the day before
    // Summer (EDT, UTC-4): 20:00 UTC.
    expect(nextNewYorkClose(new Date("2026-07-01T12:00:00Z")).toISOString()).toBe("2026-07-01T20:00:00.000Z");
    // Across the switch to standard time (2026-11-01): placed Saturday evening EDT, expires Sunday 16:00 EST.
    expect(nextNewYorkClose(new Date("2026-10-31T22:00:00Z")).toISOString()).toBe("2026-11-01T21:00:00.000Z");
  });

  it("rule: a GTC order expires 90 days after it was placed; IOC and FOK never rest", () => {
    const at = new Date("2026-12-01T15:00:00Z");
    expect(expiresAt("GTC", at)).toBe(at.getTime() + 90 * 86_400_000);
    expect(GTC_LIFETIME_MS).toBe(7_776_000_000);
    expect(expiresAt("DAY", at)).toBe(Date.parse("2026-12-01T21:00:00Z"));
    expect(expiresAt("IOC", at)).toBeNull();
    expect(expiresAt("FOK", at)).toBeNull();
  });

  it("rule: expired DAY orders say END_OF_DAY, GTC orders TIME_LIMIT", () => {
    expect(expiryReason("DAY")).toBe("END_OF_DAY");
    expect(expiryReason("GTC")).toBe("TIME_LIMIT");
  });
});
