export interface SigningJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  d: string;
  kid: string;
}

/** A fresh ES256 signing key as a private JWK with a `kid`: for local dev and tests. */
export async function generateSigningJwk(kid = `dev-${crypto.randomUUID()}`): Promise<SigningJwk> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const { kty, crv, x, y, d } = await crypto.subtle.exportKey("jwk", pair.privateKey);
  if (!kty || !crv || !x || !y || !d) throw new Error("exported JWK is incomplete");
  return { kty, crv, x, y, d, kid };
}

// `npm run --silent signing-key` prints a fresh key, e.g. to pipe into `wrangler secret put`.
if (import.meta.main) console.log(JSON.stringify(await generateSigningJwk(`key-${new Date().toISOString().slice(0, 10)}`)));
