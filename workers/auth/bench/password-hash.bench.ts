/**
 * The cost of one password hash (scrypt N=2^15, r=8, p=3 through node:crypto) in workerd:
 * the module bundled as the Worker bundles it, run on Miniflare. Each request hashes once
 * (or verifies once); workerd's clock stands still during computation, so times are taken
 * from Node around each request, and one hash is nearly all of each request's CPU time.
 */
import { build } from "esbuild";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "../../../scripts/bench.ts";
import { COMPATIBILITY_DATE } from "../../../scripts/compatibility-date.ts";

const entry = `
import { hashPassword, verifyPassword, DUMMY_HASH } from "./src/password/hash.ts";
export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/hash") return new Response(await hashPassword("correct horse battery staple"));
    return new Response(String(await verifyPassword("correct horse battery staple", DUMMY_HASH)));
  },
};`;

const ITERATIONS = 30;

function summary(samples: number[]): Record<string, number> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { "mean ms": samples.reduce((a, b) => a + b, 0) / samples.length, "p50 ms": at(0.5), "p99 ms": at(0.99), runs: samples.length };
}

export default async function bench(): Promise<BenchResult[]> {
  const bundled = await build({
    stdin: { contents: entry, resolveDir: fileURLToPath(new URL("..", import.meta.url)), loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    external: ["node:*"],
    write: false,
    minify: true,
  });
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: bundled.outputFiles[0]!.text,
      compatibilityDate: COMPATIBILITY_DATE,
      compatibilityFlags: ["nodejs_compat"],
    }),
  );
  try {
    const results: BenchResult[] = [];
    for (const path of ["/hash", "/verify"]) {
      await (await mf.dispatchFetch(`http://bench${path}`)).text(); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const started = performance.now();
        await (await mf.dispatchFetch(`http://bench${path}`)).text();
        samples.push(performance.now() - started);
      }
      results.push({ name: `scrypt ln=15 r=8 p=3 ${path.slice(1)} (workerd)`, metrics: summary(samples) });
    }
    return results;
  } finally {
    await mf.dispose();
  }
}
