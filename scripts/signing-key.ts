import { calculateJwkThumbprint } from "jose";

export interface SigningJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  d: string;
  kid: string;
}

export type PublicJwk = Omit<SigningJwk, "d">;

/** A fresh ES256 signing key as a private JWK with a `kid`: for local dev and tests. */
export async function generateSigningJwk(kid = `dev-${crypto.randomUUID()}`): Promise<SigningJwk> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const { kty, crv, x, y, d } = await crypto.subtle.exportKey("jwk", pair.privateKey);
  if (!kty || !crv || !x || !y || !d) throw new Error("exported JWK is incomplete");
  return { kty, crv, x, y, d, kid };
}

/**
 * A production signing key: its `kid` is the day it was made and the start of its RFC 7638
 * thumbprint, so two keys made the same day never share a `kid`.
 */
export async function generateProductionSigningJwk(now = new Date()): Promise<SigningJwk> {
  const key = await generateSigningJwk();
  const thumbprint = await calculateJwkThumbprint({ kty: key.kty, crv: key.crv, x: key.x, y: key.y });
  return { ...key, kid: `key-${now.toISOString().slice(0, 10)}-${thumbprint.slice(0, 12)}` };
}

/** The public half of a signing key, as `JWT_PREVIOUS_PUBLIC_KEY` takes it. */
export function publicHalf(privateJwk: string): PublicJwk {
  const { kty, crv, x, y, kid } = JSON.parse(privateJwk) as Partial<SigningJwk>;
  if (kty !== "EC" || crv !== "P-256" || !x || !y || !kid) throw new Error("not an ES256 JWK with a kid");
  return { kty, crv, x, y, kid };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// `npm run --silent signing-key` prints a fresh key, e.g. to pipe into `wrangler secret put`;
// `npm run --silent signing-key -- --public < key.json` prints that key's public half.
if (import.meta.main) {
  const key = process.argv.includes("--public") ? publicHalf(await readStdin()) : await generateProductionSigningJwk();
  console.log(JSON.stringify(key));
}
