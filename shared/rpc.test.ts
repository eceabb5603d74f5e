import { describe, expect, it } from "vitest";
import { healthReport, probe } from "./rpc";

describe("probe", () => {
  it("turns a throw into a failed check", async () => {
    const result = await probe(async () => {
      throw new Error("database is down");
    });
    expect(result).toMatchObject({ ok: false, error: "database is down" });
  });

  it("fails a check that outlives its timeout", async () => {
    const result = await probe(() => new Promise(() => {}), 20);
    expect(result).toMatchObject({ ok: false, error: "timed out after 20 ms" });
  });
});

describe("healthReport", () => {
  it("is ok only when every check is", async () => {
    const meta = { requestId: "test-request-0001" };
    const report = await healthReport("user", meta, { a: async () => 1, b: () => Promise.reject(new Error("no")) });
    expect(report.ok).toBe(false);
    expect(report.checks.a?.ok).toBe(true);
    expect(report.checks.b?.ok).toBe(false);
  });
});
