import { describe, expect, it } from "vitest";
import { probe } from "./rpc";

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
