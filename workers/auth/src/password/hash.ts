/**
 * Password storage: scrypt through node:crypto (native in workerd, no WebAssembly).
 *
 * Parameters follow the OWASP Password Storage Cheat Sheet that ASVS 5.0 (V11.4.2) points
 * to: N=2^15, r=8, p=3 is one of its equivalent scrypt settings, and N*r*p = 786,432 stays
 * under Cloudflare's production cap of 2^20. Memory is 128*N*r = 32 MiB, a quarter of an
 * isolate's 128 MB.
 *
 * Hashes are self-describing PHC strings, `$scrypt$ln=15,r=8,p=3$<salt>$<hash>` (base64,
 * unpadded), so parameters can change later: `needsRehash` tells login to upgrade a hash.
 */
import { scrypt as scryptCallback, timingSafeEqual } from "node:crypto";

export interface ScryptParams {
  /** log2 of the cost N. */
  ln: number;
  r: number;
  p: number;
}

export const CURRENT_PARAMS: ScryptParams = { ln: 15, r: 8, p: 3 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Largest memory we ever let a stored hash ask for (guards against a hostile row). */
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Uint8Array, { ln, r, p }: ScryptParams): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize("NFKC"), salt, KEY_BYTES, { N: 2 ** ln, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key)),
    );
  });
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, "");
const unb64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

export async function hashPassword(password: string, params: ScryptParams = CURRENT_PARAMS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await derive(password, salt, params);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

/** The parameters, salt and key of a stored hash, or null if it is not one of ours. */
export function parseHash(stored: string): { params: ScryptParams; salt: Uint8Array; key: Uint8Array } | null {
  const match = PHC.exec(stored);
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  return { params: { ln: Number(ln), r: Number(r), p: Number(p) }, salt: unb64(salt!), key: unb64(key!) };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

export function needsRehash(stored: string): boolean {
  const params = parseHash(stored)?.params;
  return !params || params.ln !== CURRENT_PARAMS.ln || params.r !== CURRENT_PARAMS.r || params.p !== CURRENT_PARAMS.p;
}

/**
 * Verified against when an email is unknown, so that path costs one real hash with the
 * current parameters, like a wrong password (no timing oracle for which emails exist).
 * Its password is random and was thrown away.
 */
export const DUMMY_HASH = "$scrypt$ln=15,r=8,p=3$JfGFKk1mZhjlTlfeEHDfqw$dbTqO0+bczmEOlokpNK82NcaHGvW+36ORNiZzOqXEUE";
