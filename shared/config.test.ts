import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { configLoader, RpcTimeoutConfig } from "./config";

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
