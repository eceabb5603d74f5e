import type { JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { cachedKeySet, createAccessTokenVerifier } from "./access-token";
import { signedWith, tokenAttacks, validToken, type AttackKeys } from "./testing/token-attacks";

const issuer = "https://fafnir.test/auth";
const audience = "fafnir-api";
const now = 1_800_000_000;
let keys: AttackKeys;
let publicJwk: JWK;

beforeAll(async () => {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]) as CryptoKeyPair;
  const privateJwk = { ...((await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey), kid: "current" } as JWK & { kid: string };
  const { d: _, ...rest } = privateJwk;
  publicJwk = rest;
  keys = { privateJwk, issuer, audience, now };
});

const verifier = (extra: Partial<Parameters<typeof createAccessTokenVerifier>[0]> = {}) =>
  createAccessTokenVerifier({ issuer, audience, keys: () => [publicJwk], now: () => now * 1000 + 5_000, ...extra });

describe("the shared access-token verifier", () => {
  it("accepts a well-formed token and returns its claims", async () => {
    const result = await verifier()(await validToken(keys, "session-1"));
    expect(result).toMatchObject({ ok: true, claims: { iss: issuer, aud: audience, sid: "session-1", roles: ["member"] } });
  });

  it("refuses every token of the attack matrix without throwing", async () => {
    const verify = verifier();
    const attacks = await tokenAttacks(keys);
    expect(attacks.length).toBeGreaterThanOrEqual(25);
    for (const [name, token] of attacks) {
      const result = await verify(token);
      expect(result.ok, name).toBe(false);
    }
  });

  it("says `expired` for an expired token, and logout may still read it", async () => {
    const late = verifier({ now: () => (now + 601) * 1000 });
    const token = await validToken(keys, "session-2");
    expect(await late(token)).toEqual({ ok: false, reason: "expired" });
    expect(await late(token, { allowExpired: true })).toMatchObject({ ok: true, claims: { sid: "session-2" } });
  });

  it("refuses a correctly signed token that lives over 15 minutes, or whose exp is not after its iat", async () => {
    const verify = verifier();
    const signed = (iat: number, exp: number) => signedWith(keys, { iat, exp });
    expect(await verify(await signed(now, now + 10 * 365 * 24 * 3600))).toEqual({ ok: false, reason: "invalid" });
    expect(await verify(await signed(now, now + 15 * 60 + 1))).toEqual({ ok: false, reason: "invalid" });
    expect(await verify(await signed(now + 50, now + 40))).toEqual({ ok: false, reason: "invalid" });
    expect(await verify(await signed(now + 30, now + 30))).toEqual({ ok: false, reason: "invalid" });
    expect((await verify(await signed(now, now + 15 * 60))).ok).toBe(true);
  });

  it("refuses a token of a revoked session", async () => {
    const verify = verifier({ isRevoked: (sid) => sid === "gone" });
    expect(await verify(await validToken(keys, "gone"))).toEqual({ ok: false, reason: "revoked" });
    expect((await verify(await validToken(keys, "alive"))).ok).toBe(true);
  });

  it("verifies a token of the previous key while the key set lists it", async () => {
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]) as CryptoKeyPair;
    const next = { ...((await crypto.subtle.exportKey("jwk", pair.publicKey)) as JsonWebKey), kid: "next" } as JWK;
    const oldToken = await validToken(keys);
    expect((await verifier({ keys: () => [next, publicJwk] })(oldToken)).ok).toBe(true);
    expect((await verifier({ keys: () => [next] })(oldToken)).ok).toBe(false);
  });
});

describe("cachedKeySet", () => {
  it("fetches once per max-age, refetches early for an unknown kid at most once per interval, and keeps the last set on failure", async () => {
    let clock = 0;
    let served: JWK[] = [{ kid: "a" }];
    let fetches = 0;
    let failing = false;
    const keys = cachedKeySet(
      async () => {
        fetches++;
        if (failing) throw new Error("auth is down");
        return served;
      },
      { maxAgeMs: 300_000, minRefetchMs: 30_000, now: () => clock },
    );
    expect(await keys("a")).toEqual([{ kid: "a" }]);
    expect(await keys("a")).toEqual([{ kid: "a" }]);
    expect(fetches).toBe(1);

    served = [{ kid: "b" }, { kid: "a" }];
    expect(await keys("b")).toEqual([{ kid: "a" }]); // too soon to refetch
    clock += 30_000;
    expect(await keys("b")).toEqual(served);
    expect(await keys("zzz")).toEqual(served); // unknown again, but just refetched
    expect(fetches).toBe(2);

    failing = true;
    clock += 300_000;
    expect(await keys("a")).toEqual(served);
    expect(fetches).toBe(3);
  });

  it("stops verifying a key once it leaves the set", async () => {
    let listed = [publicJwk];
    const verify = verifier({ keys: () => listed });
    const token = await validToken(keys);
    expect((await verify(token)).ok).toBe(true);
    listed = [];
    expect(await verify(token)).toEqual({ ok: false, reason: "invalid" });
  });
});
