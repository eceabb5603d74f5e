import { describe, expect, it } from "vitest";
import { CURRENT_PARAMS, DUMMY_HASH, hashPassword, needsRehash, parseHash, verifyPassword } from "./hash";

/** The scrypt settings of the OWASP Password Storage Cheat Sheet, which ASVS 5.0 V11.4.2 defers to. */
const OWASP_SCRYPT_MINIMUMS = [
  { ln: 17, r: 8, p: 1 },
  { ln: 16, r: 8, p: 2 },
  { ln: 15, r: 8, p: 3 },
  { ln: 14, r: 8, p: 5 },
  { ln: 13, r: 8, p: 10 },
];

describe("password hashing parameters", () => {
  it("meet an ASVS 5.0 / OWASP scrypt minimum", () => {
    const meets = OWASP_SCRYPT_MINIMUMS.some((m) => CURRENT_PARAMS.ln >= m.ln && CURRENT_PARAMS.r >= m.r && CURRENT_PARAMS.p >= m.p);
    expect(meets).toBe(true);
  });

  it("stay within Cloudflare's production caps (N*r*p <= 2^20, memory well under 128 MB)", () => {
    const { ln, r, p } = CURRENT_PARAMS;
    expect(2 ** ln * r * p).toBeLessThanOrEqual(2 ** 20);
    expect(128 * 2 ** ln * r).toBeLessThanOrEqual(64 * 1024 * 1024);
  });

  it("are what the dummy hash of the unknown-email path uses", () => {
    expect(parseHash(DUMMY_HASH)?.params).toEqual(CURRENT_PARAMS);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
  });
});

describe("scrypt through node:crypto in workerd", () => {
  it("hashes into a self-describing string and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("verifies a hash made with older parameters and flags it for an upgrade", async () => {
    const old = await hashPassword("an older password", { ln: 14, r: 8, p: 1 });
    expect(old.startsWith("$scrypt$ln=14,r=8,p=1$")).toBe(true);
    expect(await verifyPassword("an older password", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it("treats a string that is not one of its hashes as a mismatch", async () => {
    expect(await verifyPassword("x", "plaintext")).toBe(false);
    expect(needsRehash("$2b$10$abcdefghijklmnopqrstuv")).toBe(true);
  });
});
