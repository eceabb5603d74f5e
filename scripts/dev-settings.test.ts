import { describe, expect, it } from "vitest";
import { DevSettingError, devSettings } from "./dev-settings.ts";

describe("devSettings", () => {
  it("defaults to .wrangler/dev-state and port 8787", () => {
    expect(devSettings({})).toEqual({ stateDir: ".wrangler/dev-state", port: 8787, url: "http://localhost:8787" });
  });

  it("takes the state folder and port of FAFNIR_DEV_STATE and FAFNIR_DEV_PORT", () => {
    expect(devSettings({ FAFNIR_DEV_STATE: "/tmp/state", FAFNIR_DEV_PORT: "8788" })).toEqual({ stateDir: "/tmp/state", port: 8788, url: "http://localhost:8788" });
  });

  it.each(["0", "65536", "87a", "-1", "8787.5", " 8787"])("refuses FAFNIR_DEV_PORT=%j naming the variable", (port) => {
    expect(() => devSettings({ FAFNIR_DEV_PORT: port })).toThrow(DevSettingError);
    expect(() => devSettings({ FAFNIR_DEV_PORT: port })).toThrow(/^FAFNIR_DEV_PORT must be a port number/);
  });
});
