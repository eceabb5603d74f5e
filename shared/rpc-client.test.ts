import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { configLoader } from "./config";
import { createLogger } from "./logger";
import type { MetricPoint } from "./metrics";
import { failure } from "./rpc";
import { callRpc, RpcTimeoutConfig, ServiceUnavailable, type RpcCaller } from "./rpc-client";
import { TimeoutError } from "./timeout";

const TIMEOUT_MS = 50;

function recordingCaller() {
  const points: MetricPoint[] = [];
  const lines: Record<string, unknown>[] = [];
  const caller: RpcCaller = {
    metrics: { record: (point) => void points.push(point) },
    log: createLogger({ service: "auth", requestId: "req-rpc-client-1", sink: (line) => void lines.push(JSON.parse(line)) }),
    timeoutMs: TIMEOUT_MS,
  };
  return { caller, points, lines };
}

/** The error callRpc threw (the test fails if it threw none). */
async function thrownBy(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error,
  );
}

describe("callRpc", () => {
  it("answers what the service answered, with an ok call point and an info rpc line", async () => {
    const { caller, points, lines } = recordingCaller();
    expect(await callRpc(caller, "user", "createProfile", () => Promise.resolve({ ok: true, value: 1 }))).toEqual({ ok: true, value: 1 });
    expect(points).toEqual([{ kind: "call", operation: "user.createProfile", outcome: "ok", durationMs: expect.any(Number) }]);
    expect(lines).toEqual([
      expect.objectContaining({ level: "info", message: "rpc", service: "user", method: "createProfile", outcome: "ok", requestId: "req-rpc-client-1" }),
    ]);
  });

  it("passes an expected failure (an RpcResult) through as an answer", async () => {
    const { caller, points } = recordingCaller();
    const refused = failure("BAD_USER_INPUT", "no");
    expect(await callRpc(caller, "user", "createProfile", () => Promise.resolve(refused))).toEqual(refused);
    expect(points.map((p) => p.outcome)).toEqual(["ok"]);
  });

  it("turns a throw into ServiceUnavailable naming the call, with a failed point and an error line", async () => {
    const { caller, points, lines } = recordingCaller();
    const crash = new Error("isolate gone");
    const error = await thrownBy(callRpc(caller, "security", "grantRole", () => Promise.reject(crash)));
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect(error).toMatchObject({ service: "security", method: "grantRole", cause: crash });
    expect(points).toEqual([{ kind: "call", operation: "security.grantRole", outcome: "SERVICE_UNAVAILABLE", durationMs: expect.any(Number) }]);
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", message: "rpc", service: "security", method: "grantRole", outcome: "failed", error: { name: "Error", message: "isolate gone" } }),
    ]);
  });

  it("gives up on a call that does not answer within the timeout", async () => {
    const { caller, points, lines } = recordingCaller();
    const started = performance.now();
    const error = await thrownBy(callRpc(caller, "user", "createProfile", () => new Promise<never>(() => undefined)));
    expect(performance.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 1);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect((error as ServiceUnavailable).cause).toBeInstanceOf(TimeoutError);
    expect(points.map((p) => [p.operation, p.outcome])).toEqual([["user.createProfile", "SERVICE_UNAVAILABLE"]]);
    expect(lines.map((l) => [l["level"], l["message"], l["outcome"]])).toEqual([["error", "rpc", "failed"]]);
  });

  it("treats a synchronous throw of the stub like a failed call", async () => {
    const { caller, points } = recordingCaller();
    const error = await thrownBy(
      callRpc(caller, "user", "removeUser", (): Promise<never> => {
        throw new TypeError("binding missing");
      }),
    );
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect(points.map((p) => p.outcome)).toEqual(["SERVICE_UNAVAILABLE"]);
  });
});

const load = configLoader("caller", v.object(RpcTimeoutConfig));

describe("RpcTimeoutConfig", () => {
  it("defaults to 3000 ms and reads a whole number of milliseconds", () => {
    expect(load({}).RPC_TIMEOUT_MS).toBe(3000);
    expect(load({ RPC_TIMEOUT_MS: "750" }).RPC_TIMEOUT_MS).toBe(750);
  });

  it.each(["49", "30001", "1.5", "soon"])("refuses %s, naming the variable", (value) => {
    expect(() => load({ RPC_TIMEOUT_MS: value })).toThrow(/RPC_TIMEOUT_MS is malformed/);
  });
});
