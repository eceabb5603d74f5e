/**
 * Quote latency and throughput through the stock Worker's RPC, on workerd: the built bundle
 * (`wrangler deploy --dry-run`) runs in Miniflare with local D1 and KV and the simulated
 * provider, and a small driver Worker calls it over a service binding, timing each call
 * inside workerd (whose clock moves in millisecond steps). Misses are made by deleting the
 * cache entries just before the call, outside the timed part.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// miniflare is wrangler's own dependency (the workerd wrangler runs); its v4 option shape is the documented one.
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import type { BenchResult } from "../../../scripts/bench.ts";
import { COMPATIBILITY_DATE } from "../../../scripts/compatibility-date.ts";
import { run } from "../../../scripts/run.ts";
import { seedInstruments } from "../src/seed/instruments.ts";

const HIT_CALLS = 1_000;
const MISS_CALLS = 200;
const CONCURRENCY = 16;

/** The driver: runs one scenario and answers each call's latency (ms) and the wall time. */
const DRIVER = `
const key = (symbol) => "quote:v1:" + symbol;
export default {
  async fetch(request, env) {
    const { symbols, calls, concurrency, miss } = await request.json();
    const latencies = [];
    let next = 0;
    const started = performance.now();
    async function lane() {
      while (next < calls) {
        next++;
        if (miss) await Promise.all(symbols.map((s) => env.QUOTE_CACHE.delete(key(s))));
        const t0 = performance.now();
        const result = await env.STOCK.quotes({ requestId: "bench" }, symbols);
        latencies.push(performance.now() - t0);
        if (!result.ok || Object.keys(result.value).length !== symbols.length) throw new Error("bad answer: " + JSON.stringify(result).slice(0, 200));
      }
    }
    await Promise.all(Array.from({ length: concurrency }, lane));
    return Response.json({ latencies, elapsedMs: performance.now() - started });
  },
};`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function buildBundle(): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), "fafnir-stock-bench-"));
  await run("wrangler", ["deploy", "--dry-run", "--outdir", outdir, "-c", "workers/stock/wrangler.toml"], { stdio: ["ignore", "ignore", "inherit"] });
  return outdir;
}

async function migrate(mf: Miniflare): Promise<void> {
  const db = await mf.getD1Database("STOCK_DB", "stock");
  const dir = "migrations/stock";
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
    for (const statement of readFileSync(join(dir, file), "utf8").split("--> statement-breakpoint")) {
      if (statement.trim()) await db.prepare(statement).run();
    }
  }
}

export default async function bench(): Promise<BenchResult[]> {
  const outdir = await buildBundle();
  const kv = { QUOTE_CACHE: "bench-quote-cache" };
  const mf = new Miniflare(
    convertV4MiniflareOptions({
    workers: [
      {
        name: "driver",
        modules: true,
        script: DRIVER,
        compatibilityDate: COMPATIBILITY_DATE,
        serviceBindings: { STOCK: "stock" },
        kvNamespaces: kv,
      },
      {
        name: "stock",
        // Module names are paths relative to modulesRoot (default: the cwd, which the bundle is outside of).
        modulesRoot: outdir,
        modules: [{ type: "ESModule", path: join(outdir, "index.js") }],
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: ["nodejs_compat"],
        bindings: { ENVIRONMENT: "production", LOG_LEVEL: "error", QUOTE_PROVIDERS: "simulated", QUOTE_FRESHNESS_SECONDS: "3600" },
        d1Databases: { STOCK_DB: "bench-stock-db" },
        kvNamespaces: kv,
        analyticsEngineDatasets: { METRICS: { dataset: "bench" } },
      },
    ],
    }),
  );
  try {
    await migrate(mf);
    const scenario = async (name: string, symbols: string[], miss: boolean, concurrency: number): Promise<BenchResult> => {
      const calls = miss ? MISS_CALLS : HIT_CALLS;
      const drive = (calls: number) =>
        mf.dispatchFetch("http://driver/", { method: "POST", body: JSON.stringify({ symbols, calls, concurrency, miss }) });
      await (await drive(20)).json(); // warm-up: JIT, cache filled for the hit scenarios
      const answer = (await (await drive(calls)).json()) as { latencies: number[]; elapsedMs: number };
      const sorted = answer.latencies.sort((a, b) => a - b);
      return {
        name: `${name} (concurrency ${concurrency})`,
        metrics: {
          "calls/s": (calls / answer.elapsedMs) * 1000,
          "quotes/s": ((calls * symbols.length) / answer.elapsedMs) * 1000,
          "mean ms": sorted.reduce((sum, ms) => sum + ms, 0) / calls,
          "p50 ms": percentile(sorted, 50),
          "p99 ms": percentile(sorted, 99),
        },
      };
    };
    const batch = seedInstruments.slice(0, 50).map((i) => i.symbol);
    // Misses run one at a time: concurrent lanes would delete each other's fresh entries.
    return [
      await scenario("stock.quotes 1 symbol, cache hit", ["AAPL"], false, 1),
      await scenario("stock.quotes 1 symbol, cache hit", ["AAPL"], false, CONCURRENCY),
      await scenario("stock.quotes 1 symbol, cache miss", ["MSFT"], true, 1),
      await scenario("stock.quotes 50 symbols, cache hit", batch, false, 1),
      await scenario("stock.quotes 50 symbols, cache hit", batch, false, CONCURRENCY),
      await scenario("stock.quotes 50 symbols, cache miss", batch, true, 1),
    ];
  } finally {
    await mf.dispose();
    rmSync(outdir, { recursive: true, force: true });
  }
}
