import { afterEach, describe, expect, it, vi } from "vitest";
import type { DataPointSink } from "./metrics";
import { env } from "cloudflare:workers";
import { annotate, callLogger, observeRpc, recordProviderFailure, rpcMethodNames, serviceHealth } from "./rpc-server";
import { failure, success, type CallMeta } from "./rpc";

const points: AnalyticsEngineDataPoint[] = [];
const METRICS: DataPointSink = { writeDataPoint: (point) => void points.push(point) };

class Service {
  env = { METRICS, LOG_LEVEL: "info" };
  ctx = { waitUntil: () => undefined };

  async quotes(_meta: CallMeta, hit: boolean) {
    await Promise.resolve();
    annotate({ cache: hit ? "hit" : "miss" });
    if (!hit) recordProviderFailure("yahoo", "quotes", 3);
    annotate({ cache: "hit" }); // never better than what was already seen
    return success({ hit });
  }

  missing(_meta: CallMeta) {
    return Promise.resolve(failure("NOT_FOUND", "no such thing"));
  }

  crash(_meta: CallMeta): Promise<never> {
    return Promise.reject(new Error("database gone"));
  }

  async logs(_meta: CallMeta) {
    await Promise.resolve();
    callLogger().debug("below the level");
    callLogger().warn("symbol unknown", { symbol: "NOPE" });
    return success(null);
  }

  health(_meta: CallMeta, configOk: boolean) {
    const config = () => {
      if (!configOk) throw new Error("LOG_LEVEL must be one of debug, info, warn, error");
    };
    return serviceHealth("stock", config, (env as unknown as { TEST_DB: D1Database }).TEST_DB, { cache: () => Promise.reject(new Error("cache down")) });
  }

  fetch() {
    return new Response(null, { status: 404 });
  }
}
observeRpc("stock", Service);

const blobs = () => points.map((p) => p.blobs);

afterEach(() => {
  points.length = 0;
  vi.restoreAllMocks();
});

describe("observeRpc", () => {
  it("writes one rpc point per call with the outcome and what the call annotated", async () => {
    const service = new Service();
    expect(await service.quotes({ requestId: "req-00000001" }, false)).toEqual(success({ hit: false }));
    expect(blobs()).toEqual([
      ["stock", "provider", "quotes", "PROVIDER_FAILED", "", "yahoo", ""],
      ["stock", "rpc", "quotes", "ok", "miss", "", ""],
    ]);
    expect(points[1]!.doubles![0]).toBeGreaterThanOrEqual(0);
  });

  it("names an expected failure by its code and a throw INTERNAL, and rethrows", async () => {
    const service = new Service();
    await service.missing({ requestId: "req-00000002" });
    await expect(service.crash({ requestId: "req-00000003" })).rejects.toThrow("database gone");
    expect(blobs()).toEqual([
      ["stock", "rpc", "missing", "NOT_FOUND", "", "", ""],
      ["stock", "rpc", "crash", "INTERNAL", "", "", ""],
    ]);
  });

  it("logs one line per call under the caller's request id", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    await new Service().quotes({ requestId: "req-00000004" }, true);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({ message: "rpc served", service: "stock", requestId: "req-00000004", operation: "quotes", outcome: "ok", cache: "hit" }),
    ]);
  });

  it("gives the method the call's logger, at the Worker's LOG_LEVEL", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((line: string) => void lines.push(line));
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    await new Service().logs({ requestId: "req-00000005" });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({ level: "warn", message: "symbol unknown", service: "stock", requestId: "req-00000005", symbol: "NOPE" }),
      expect.objectContaining({ message: "rpc served", requestId: "req-00000005", operation: "logs" }),
    ]);
  });

  it("reports health ok only when every check is: config, database and the service's own", async () => {
    const report = await new Service().health({ requestId: "req-00000006" }, true);
    expect(report.service).toBe("stock");
    expect(Object.keys(report.checks)).toEqual(["config", "database", "cache"]);
    expect([report.checks.config?.ok, report.checks.database?.ok, report.checks.cache?.ok]).toEqual([true, true, false]);
    expect(report.ok).toBe(false);
    const badConfig = await new Service().health({ requestId: "req-00000007" }, false);
    expect(badConfig.checks.config).toMatchObject({ ok: false, error: expect.stringContaining("LOG_LEVEL") });
  });

  it("has no call logger outside a call", () => {
    expect(() => callLogger()).toThrow(/outside an RPC method/);
  });

  it("serves the prototype's own methods but fetch", () => {
    expect(rpcMethodNames(Service)).toEqual(["quotes", "missing", "crash", "logs", "health"]);
  });

  it("annotations outside a call go nowhere", () => {
    annotate({ cache: "stale" });
    recordProviderFailure("fmp", "search", 1);
    expect(points).toEqual([]);
  });
});
