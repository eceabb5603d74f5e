/**
 * Forged and broken access tokens: every one must be refused by the shared verifier and
 * answered 401 by /auth/me. Built from a real signing key, so that each case differs from
 * a valid token in exactly the way its name says.
 */
import { SignJWT, base64url, type JWK } from "jose";

export interface AttackKeys {
  /** The private signing JWK (with kid) that verifiers trust. */
  privateJwk: JWK & { kid: string };
  issuer: string;
  audience: string;
  /** Epoch seconds at which the tokens are built. */
  now: number;
}

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

export async function tokenAttacks({ privateJwk, issuer, audience, now }: AttackKeys): Promise<[string, string][]> {
  const { d: _, ...publicJwk } = privateJwk;
  const key = await crypto.subtle.importKey("jwk", privateJwk as JsonWebKey, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
  const claims = { iss: issuer, aud: audience, sub: crypto.randomUUID(), sid: crypto.randomUUID(), jti: crypto.randomUUID(), iat: now, exp: now + 600, roles: ["member"] };
  const header = { alg: "ES256", typ: "at+jwt", kid: privateJwk.kid };

  // Signs whatever header it is given (jose refuses to sign some of the malformed ones).
  const sign = async (h: Record<string, unknown>, c: Record<string, unknown>) => {
    const input = `${encode(h)}.${encode(c)}`;
    const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, new TextEncoder().encode(input));
    return `${input}.${base64url.encode(new Uint8Array(signature))}`;
  };
  const valid = await sign(header, claims);
  const [validHeader, validPayload, validSignature] = valid.split(".") as [string, string, string];
  const unsigned = (alg: string) => `${encode({ ...header, alg })}.${encode(claims)}.`;

  const hmacKey = new TextEncoder().encode(JSON.stringify(publicJwk));
  const hs256 = await new SignJWT(claims).setProtectedHeader({ ...header, alg: "HS256" }).sign(hmacKey);

  const attacker = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]) as CryptoKeyPair;
  const attackerJwk = (await crypto.subtle.exportKey("jwk", attacker.publicKey)) as JsonWebKey;
  const embeddedJwk = await new SignJWT(claims)
    .setProtectedHeader({ ...header, kid: "attacker", jwk: { kty: attackerJwk.kty!, crv: attackerJwk.crv!, x: attackerJwk.x!, y: attackerJwk.y! } })
    .sign(attacker.privateKey);
  const embeddedJwkSameKid = await new SignJWT(claims)
    .setProtectedHeader({ ...header, jwk: { kty: attackerJwk.kty!, crv: attackerJwk.crv!, x: attackerJwk.x!, y: attackerJwk.y! } })
    .sign(attacker.privateKey);
  const { kid: _kid, ...noKid } = header;
  const { exp: _exp, ...noExp } = claims;

  return [
    ["alg none", unsigned("none")],
    ["alg None", unsigned("None")],
    ["alg NONE", unsigned("NONE")],
    ["alg nOnE", unsigned("nOnE")],
    ["alg none with the original signature", `${encode({ ...header, alg: "none" })}.${validPayload}.${validSignature}`],
    ["HS256 signed with the public key", hs256],
    ["tampered payload", `${validHeader}.${encode({ ...claims, roles: ["admin"] })}.${validSignature}`],
    ["tampered signature", `${validHeader}.${validPayload}.${validSignature.slice(0, -4)}AAAA`],
    ["embedded jwk header (own kid)", embeddedJwk],
    ["embedded jwk header (trusted kid)", embeddedJwkSameKid],
    ["expired", await sign(header, { ...claims, iat: now - 1200, exp: now - 600 })],
    ["nbf in the future", await sign(header, { ...claims, nbf: now + 600 })],
    ["wrong iss", await sign(header, { ...claims, iss: "https://evil.example/auth" })],
    ["wrong aud", await sign(header, { ...claims, aud: "someone-else" })],
    ["wrong typ (JWT)", await sign({ ...header, typ: "JWT" }, claims)],
    ["missing typ", await sign({ alg: "ES256", kid: privateJwk.kid }, claims)],
    ["missing kid", await sign(noKid, claims)],
    ["unknown kid", await sign({ ...header, kid: "no-such-key" }, claims)],
    ["missing exp", await sign(header, noExp)],
    ["unknown crit header", await sign({ ...header, crit: ["x-unknown"], "x-unknown": true }, claims)],
    ["extra segments", `${valid}.${validSignature}`],
    ["two segments", `${validHeader}.${validPayload}`],
    ["empty string", ""],
    ["random string", "not-a-token-at-all"],
    ["random segments", `${base64url.encode(crypto.getRandomValues(new Uint8Array(24)))}.${base64url.encode(crypto.getRandomValues(new Uint8Array(24)))}.${base64url.encode(crypto.getRandomValues(new Uint8Array(24)))}`],
    ["header not JSON", `${base64url.encode("{not json")}.${validPayload}.${validSignature}`],
    ["roles not a list", await sign(header, { ...claims, roles: "admin" })],
    ["lifetime of ten years", await sign(header, { ...claims, exp: now + 10 * 365 * 24 * 3600 })],
    ["lifetime one second over 15 minutes", await sign(header, { ...claims, exp: now + 15 * 60 + 1 })],
    ["exp before iat", await sign(header, { ...claims, iat: now + 50, exp: now + 40 })],
    ["missing sid", await sign(header, { ...claims, sid: undefined })],
  ];
}

/** A valid token from the same key, to show the attacks fail for their flaw alone. */
export function validToken(keys: AttackKeys, sid: string = crypto.randomUUID()): Promise<string> {
  return signedWith(keys, { sid });
}

/** A correctly signed token with these claims over valid ones (`iat` now, `exp` 10 minutes later). */
export async function signedWith(
  { privateJwk, issuer, audience, now }: AttackKeys,
  { sid = crypto.randomUUID(), iat = now, exp = now + 600 }: { sid?: string; iat?: number; exp?: number },
): Promise<string> {
  const key = await crypto.subtle.importKey("jwk", privateJwk as JsonWebKey, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
  return new SignJWT({ sid, roles: ["member"] })
    .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: privateJwk.kid })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(crypto.randomUUID())
    .setJti(crypto.randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key);
}
