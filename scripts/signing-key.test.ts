import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { generateProductionSigningJwk, publicHalf } from "./signing-key.ts";

describe("npm run signing-key", () => {
  it("gives keys of the same day different kids", async () => {
    const day = new Date("2026-12-01T10:00:00Z");
    const kids = await Promise.all(Array.from({ length: 20 }, async () => (await generateProductionSigningJwk(day)).kid));
    expect(new Set(kids).size).toBe(20);
    expect(kids[0]).toMatch(/^key-2026-12-01-[A-Za-z0-9_-]{12}$/);
  });

  it("prints a key's public half with --public, without the private member", () => {
    const script = new URL("./signing-key.ts", import.meta.url).pathname;
    const privateKey = execFileSync(process.execPath, [script], { encoding: "utf8" });
    const printed = JSON.parse(execFileSync(process.execPath, [script, "--public"], { input: privateKey, encoding: "utf8" }));
    const { d, ...expected } = JSON.parse(privateKey);
    expect(d).toEqual(expect.any(String));
    expect(printed).toEqual(expected);
    expect(publicHalf(privateKey)).toEqual(expected);
  });

  it("refuses what is not an ES256 key", () => {
    expect(() => publicHalf(JSON.stringify({ kty: "RSA", kid: "k" }))).toThrow(/ES256/);
  });
});
