import { describe, expect, it } from "vitest";
import { AccountModel } from "./model.ts";
import { Recorder, type Sample } from "./recorder.ts";
import { buildReport, formatReport, percentile, verdict } from "./report.ts";
import type { UserResult } from "./user.ts";

const options = { users: 1, seconds: 10, seed: 7 };
const ok: Sample = { kind: "stock", status: 200, codes: [], throttled: false, clean: true, ms: 10 };
const user = (divergences: UserResult["divergences"] = [], problems: string[] = []): UserResult => ({
  email: "soak-1@example.com",
  address: "198.18.0.0",
  signedUp: true,
  actions: 3,
  divergences,
  problems,
});

function recorded(...samples: Sample[]): Recorder {
  const recorder = new Recorder();
  for (const sample of samples) recorder.record(sample);
  return recorder;
}

describe("the soak report", () => {
  it("passes a run of clean answers and counts them", () => {
    const report = buildReport(options, 10, recorded(ok, { ...ok, kind: "me", ms: 30 }), [user()]);
    expect(verdict(report)).toEqual([]);
    expect(report).toMatchObject({ requests: 2, requestsPerSecond: 0.2, histogram: { "200": 2 }, latency: { p50Ms: 10, p99Ms: 30 } });
    expect(formatReport(report)).toMatch(/\nPASS\n$/);
  });

  it("counts throttled answers without failing on them", () => {
    const limited = { ...ok, status: 429, codes: ["RATE_LIMITED"], throttled: true, clean: false };
    const report = buildReport(options, 10, recorded(ok, limited), [user()]);
    expect(report).toMatchObject({ throttled: 1, serverErrors: 0, histogram: { "200": 1, "429 RATE_LIMITED": 1 } });
    expect(verdict(report)).toEqual([]);
  });

  it("fails on a 5xx and on an INTERNAL code from either API", () => {
    const report = buildReport(
      options,
      10,
      recorded(
        ok,
        { ...ok, status: 503, codes: ["SERVICE_UNAVAILABLE"], clean: false },
        { ...ok, status: 200, codes: ["INTERNAL_SERVER_ERROR"], clean: false },
        { ...ok, kind: "login", status: 500, codes: ["INTERNAL"], clean: false },
      ),
      [user()],
    );
    expect(report).toMatchObject({ serverErrors: 2, internalErrors: 2 });
    expect(verdict(report)).toEqual(["2 answers with a 5xx status", "2 answers with an INTERNAL / INTERNAL_SERVER_ERROR code"]);
  });

  it("fails an account that diverged from its model, saying what differed", () => {
    const model = new AccountModel({ watchlist: [], profile: { firstName: "Ada", lastName: "Lovelace" } });
    model.succeeded({ kind: "add", symbol: "AAPL" });
    model.succeeded({ kind: "remove", symbol: "AAPL" });
    const divergence = model.observe("final read-back", { watchlist: ["AAPL"] })!;
    const report = buildReport(options, 10, recorded(ok), [user([divergence], ["an access token still signed in after its logout"])]);
    expect(report.integrity.ok).toBe(false);
    expect(report.integrity.failures).toEqual([
      "soak-1@example.com (198.18.0.0): final read-back: expected watchlist []; the platform answered watchlist [AAPL]",
      "soak-1@example.com (198.18.0.0): an access token still signed in after its logout",
    ]);
    expect(verdict(report)).toEqual(["2 integrity failures"]);
    expect(formatReport(report)).toContain("integrity: FAILED");
  });

  it("fails when requests went unanswered or users never signed up", () => {
    const recorder = recorded(ok);
    recorder.transportError("stock", new Error("socket hang up"));
    const report = buildReport({ ...options, users: 2 }, 10, recorder, [user(), { ...user(), signedUp: false }]);
    expect(verdict(report)).toEqual(["1 requests got no answer", "1 users could not sign up"]);
  });

  it("takes percentiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([percentile(values, 50), percentile(values, 99), percentile([], 50)]).toEqual([50, 99, 0]);
  });
});
