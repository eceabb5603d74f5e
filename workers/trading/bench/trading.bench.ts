/**
 * `npm run bench -- trading`: the built trading bundle (`wrangler deploy --dry-run`) on
 * workerd through Miniflare, with its Durable Objects (SQLite), its queue and consumer and
 * its D1 read model, never `wrangler dev`. There is no HTTP surface to load (the trading
 * Worker is RPC only, so the gateway bench's autocannon has nothing to drive), so a driver Worker inside workerd
 * calls the trading RPC over a service binding with a bounded number of concurrent lanes
 * and times each call there.
 *
 * The stock service is the scripted one of the trading tests (test/fake-stock.ts: answers
 * from memory), so the figures are the trading Worker's own cost, and a test can move a
 * quote: the matching delay is from that move to the fill of 100 resting orders.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// miniflare is wrangler's own dependency (the workerd wrangler runs); its v4 option shape is the documented one.
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import type { BenchResult } from "../../../scripts/bench.ts";
import { COMPATIBILITY_DATE } from "../../../scripts/compatibility-date.ts";
import { run } from "../../../scripts/run.ts";
import { FAKE_STOCK_SCRIPT } from "../test/fake-stock.ts";

const EVENTS = "fafnir-trading-events";
const DEAD_LETTERS = "fafnir-trading-events-dlq";

/** The driver: one scenario per request, its latencies (ms) and wall time measured inside workerd. */
const DRIVER = `
const meta = { requestId: "bench" };
const must = (answer, what) => { if (!answer.ok) throw new Error(what + ": " + JSON.stringify(answer.error)); return answer.value; };
const market = (symbol) => ({ symbol, side: "BUY", type: "MARKET", quantity: "1", timeInForce: "GTC" });
async function accounts(env, count) {
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  await Promise.all(ids.map(async (id) => must(await env.TRADING.openAccount(meta, id), "open")));
  return ids;
}
const scenarios = {
  async marketOrders(env, { accounts: count, orders, concurrency, symbol }) {
    const ids = await accounts(env, count);
    const latencies = [];
    let next = 0;
    const started = Date.now();
    async function lane() {
      while (next < orders) {
        const userId = ids[next++ % ids.length];
        const t0 = performance.now();
        const order = must(await env.TRADING.placeOrder(meta, userId, market(symbol)), "placeOrder");
        latencies.push(performance.now() - t0);
        if (order.status !== "FILLED") throw new Error("not filled: " + JSON.stringify(order));
      }
    }
    await Promise.all(Array.from({ length: concurrency }, lane));
    return { latencies, elapsedMs: Date.now() - started };
  },
  async matching(env, { accounts: count, orders, symbol }) {
    await env.STOCK.setQuote(symbol, 100);
    const ids = await accounts(env, count);
    const limit = (userId) => env.TRADING.placeOrder(meta, userId, { symbol, side: "BUY", type: "LIMIT", quantity: "1", limitPrice: "90", timeInForce: "GTC" });
    const placed = await Promise.all(Array.from({ length: orders }, (_, i) => limit(ids[i % ids.length])));
    if (placed.some((a) => must(a, "limit").status !== "OPEN")) throw new Error("a limit order did not rest");
    // Just past an alarm: the delay then includes most of a poll interval, as a quote change at a random moment would.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const moved = Date.now();
    await env.STOCK.setQuote(symbol, 89.5);
    const filledAt = [];
    let open = orders;
    while (open > 0 && Date.now() - moved < 30000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const pages = await Promise.all(ids.map((id) => env.TRADING.orders(meta, id, { first: 100, status: "OPEN" })));
      const now = pages.reduce((sum, page) => sum + must(page, "orders").edges.length, 0);
      for (let i = now; i < open; i++) filledAt.push(Date.now() - moved);
      open = now;
    }
    if (open > 0) throw new Error(open + " orders still open 30 s after the quote moved");
    return { latencies: filledAt, elapsedMs: Date.now() - moved };
  },
};
export default {
  async fetch(request, env) {
    const { scenario, ...args } = await request.json();
    try {
      return Response.json(await scenarios[scenario](env, args));
    } catch (error) {
      return Response.json({ error: String(error) }, { status: 500 });
    }
  },
};`;

interface Answer {
  latencies: number[];
  elapsedMs: number;
  error?: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function buildBundle(): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), "fafnir-trading-bench-"));
  await run("wrangler", ["deploy", "--dry-run", "--outdir", outdir, "-c", "workers/trading/wrangler.toml"], { stdio: ["ignore", "ignore", "inherit"] });
  return outdir;
}

async function migrate(mf: Miniflare): Promise<void> {
  const db = await mf.getD1Database("TRADING_DB", "trading");
  const dir = "migrations/trading";
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
    for (const statement of readFileSync(join(dir, file), "utf8").split("--> statement-breakpoint")) {
      if (statement.trim()) await db.prepare(statement).run();
    }
  }
}

function platform(outdir: string): Miniflare {
  const consumer = { maxBatchSize: 50, maxBatchTimeout: 1 };
  return new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        { name: "driver", modules: true, script: DRIVER, compatibilityDate: COMPATIBILITY_DATE, serviceBindings: { TRADING: "trading", STOCK: "stock" } },
        { name: "stock", modules: true, script: FAKE_STOCK_SCRIPT, compatibilityDate: COMPATIBILITY_DATE },
        {
          name: "trading",
          // Module names are paths relative to modulesRoot (default: the cwd, which the bundle is outside of).
          modulesRoot: outdir,
          modules: [{ type: "ESModule", path: join(outdir, "index.js") }],
          compatibilityDate: COMPATIBILITY_DATE,
          compatibilityFlags: ["nodejs_compat"],
          bindings: { ENVIRONMENT: "production", LOG_LEVEL: "error", TRADING_HOURS: "always", STARTING_CASH: "100000.00" },
          serviceBindings: { STOCK: "stock" },
          durableObjects: {
            ACCOUNTS: { className: "TradingAccount", useSQLite: true },
            SYMBOLS: { className: "SymbolBook", useSQLite: true },
          },
          queueProducers: { EVENTS: { queueName: EVENTS } },
          queueConsumers: { [EVENTS]: { ...consumer, maxRetries: 5, deadLetterQueue: DEAD_LETTERS }, [DEAD_LETTERS]: consumer },
          d1Databases: { TRADING_DB: "bench-trading-db" },
          analyticsEngineDatasets: { METRICS: { dataset: "bench" } },
        },
      ],
    }),
  );
}

export default async function bench(): Promise<BenchResult[]> {
  const outdir = await buildBundle();
  const mf = platform(outdir);
  try {
    await migrate(mf);
    const drive = async (body: Record<string, unknown>): Promise<Answer> => {
      const answer = (await (await mf.dispatchFetch("http://driver/", { method: "POST", body: JSON.stringify(body) })).json()) as Answer;
      if (answer.error) throw new Error(`bench scenario ${String(body.scenario)} failed: ${answer.error}`);
      return answer;
    };
    const stock = (await mf.getWorker("stock")) as unknown as { list(symbol: string): Promise<void>; setQuote(symbol: string, price: number): Promise<void> };
    for (const symbol of ["AAPL", "MSFT"]) await stock.list(symbol);
    await stock.setQuote("AAPL", 10);

    const orders = async (name: string, accounts: number, count: number, concurrency: number): Promise<BenchResult> => {
      await drive({ scenario: "marketOrders", accounts, orders: 20, concurrency, symbol: "AAPL" }); // warm-up
      const { latencies, elapsedMs } = await drive({ scenario: "marketOrders", accounts, orders: count, concurrency, symbol: "AAPL" });
      const sorted = latencies.sort((a, b) => a - b);
      return {
        name,
        metrics: { "orders/s": (count / elapsedMs) * 1000, "p50 ms": percentile(sorted, 50), "p99 ms": percentile(sorted, 99), orders: count, concurrency },
      };
    };
    const results = [
      await orders("market orders, 1 account", 1, 500, 16),
      await orders("market orders, 50 accounts at once", 50, 1_000, 50),
    ];
    const matched = await drive({ scenario: "matching", accounts: 10, orders: 100, symbol: "MSFT" });
    const delays = matched.latencies.sort((a, b) => a - b);
    results.push({
      name: "quote change to fill, 100 resting orders (book polls every 2 s)",
      metrics: { "first fill ms": delays[0]!, "p50 ms": percentile(delays, 50), "all filled ms": delays.at(-1)!, accounts: 10 },
    });
    return results;
  } finally {
    await mf.dispose();
    rmSync(outdir, { recursive: true, force: true });
  }
}
