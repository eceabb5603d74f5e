/**
 * Sign-in timing: a wrong password for a known account against an unknown email, through
 * the built auth bundle (`npm run build` first) on workerd with a real migrated D1. Both
 * paths run one scrypt hash, so their times should match within noise; this reports them
 * side by side (numbers, never assertions).
 */
import { scryptSync, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import type { BenchResult } from "../../../scripts/bench.ts";
import { COMPATIBILITY_DATE } from "../../../scripts/compatibility-date.ts";
import { generateSigningJwk } from "../../../scripts/signing-key.ts";

const BUNDLE = "dist/auth/index.js";
const ACCOUNTS = 25;

const b64 = (bytes: Buffer) => bytes.toString("base64").replace(/=+$/, "");
const hash = (password: string) => {
  const salt = randomBytes(16);
  return `$scrypt$ln=15,r=8,p=3$${b64(salt)}$${b64(scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 3, maxmem: 64 * 1024 * 1024 }))}`;
};

function summary(samples: number[]): Record<string, number> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { "mean ms": samples.reduce((a, b) => a + b, 0) / samples.length, "p50 ms": at(0.5), "p90 ms": at(0.9), runs: samples.length };
}

export default async function bench(): Promise<BenchResult[]> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const absent = `export default { fetch: () => new Response(null, { status: 503 }) };`;
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        {
          name: "auth",
          modules: true,
          scriptPath: BUNDLE,
          compatibilityDate: COMPATIBILITY_DATE,
          compatibilityFlags: ["nodejs_compat"],
          d1Databases: ["AUTH_DB"],
          kvNamespaces: ["REVOKED_SESSIONS"],
          bindings: {
            ENVIRONMENT: "test",
            LOG_LEVEL: "error",
            JWT_ISSUER: "https://fafnir.dev/auth",
            JWT_AUDIENCE: "fafnir-api",
            JWT_PREVIOUS_PUBLIC_KEY: "",
            JWT_PRIVATE_KEY: JSON.stringify(await generateSigningJwk("bench")),
          },
          serviceBindings: { SECURITY: "absent", USER: "absent" },
        },
        { name: "absent", modules: true, script: absent },
      ],
    }),
  );
  try {
    const db = await mf.getD1Database("AUTH_DB");
    for (const file of readdirSync("migrations/auth").filter((f) => f.endsWith(".sql")).sort()) {
      for (const statement of readFileSync(`migrations/auth/${file}`, "utf8").split("--> statement-breakpoint")) await db.exec(statement.replaceAll("\n", " "));
    }
    const now = new Date().toISOString();
    for (let i = 0; i < ACCOUNTS; i++) {
      await db.prepare("INSERT INTO users (id, email, password_hash, status, created_at, updated_at) VALUES (?1, ?2, ?3, 'active', ?4, ?4)")
        .bind(crypto.randomUUID(), `bench-${i}@example.com`, hash("the right passphrase"), now)
        .run();
    }
    let attempt = 0;
    const login = async (email: string) => {
      const started = performance.now();
      const response = await mf.dispatchFetch("http://auth/auth/login", {
        method: "POST",
        // One /64 per attempt (auth counts IPv6 by /64): the per-address limit is not what is measured.
        headers: { "content-type": "application/json", "cf-connecting-ip": `2001:db8:${(++attempt).toString(16)}::1` },
        body: JSON.stringify({ email, password: "a wrong passphrase" }),
      });
      await response.arrayBuffer();
      if (response.status !== 401) throw new Error(`expected 401, got ${response.status}`);
      return performance.now() - started;
    };
    await login("warm-up@example.com");
    // Interleaved, one attempt per account, so neither path is throttled or favoured by warm-up.
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      wrong.push(await login(`bench-${i}@example.com`));
      unknown.push(await login(`nobody-${i}-${crypto.randomUUID()}@example.com`));
    }
    return [
      { name: "login 401: known email, wrong password", metrics: summary(wrong) },
      { name: "login 401: unknown email", metrics: summary(unknown) },
    ];
  } finally {
    await mf.dispose();
  }
}
