/**
 * The gateway's overhead against two floors: a bare hono Worker and a bare graphql-yoga
 * Worker. Each is built as it would deploy (`wrangler deploy --dry-run`) and run on
 * workerd through Miniflare; the gateway with the four Workers it binds. Node drives
 * REQUESTS requests per case in ROUNDS rounds, CONCURRENCY at a time, after a warm-up.
 *
 * Cases are data: add one to GATEWAY_CASES (its `headers` may sign in first, through the
 * gateway's /auth/*, and return an Authorization header).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { convertV4MiniflareOptions, Miniflare, type V4MiniflareOptions, type V4WorkerOptions as WorkerOptions } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { readD1Migrations } from "@cloudflare/vitest-plugin";
import type { BenchResult } from "../../../scripts/bench.ts";
import { instrumentSeedSql } from "../../../scripts/seed.ts";
import { seedInstruments } from "../../stock/src/seed/instruments.ts";
import { run } from "../../../scripts/run.ts";
import { generateSigningJwk } from "../../../scripts/signing-key.ts";
import { gatewayFirst, workers } from "../../../scripts/workers.ts";

const REQUESTS = 3_000;
const ROUNDS = 3;
const WARM_UP = 300;
const CONCURRENCY = 8;

export interface GatewayCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Headers for every request of the case, worked out once against the running gateway. */
  headers?: (gateway: URL, mf: Miniflare) => Promise<Record<string, string>>;
}

/** A new member through the gateway's /auth/register: the bearer header of their session. */
async function signedUp(gateway: URL, label: string): Promise<{ userId: string; headers: Record<string, string> }> {
  const response = await fetch(new URL("/auth/register", gateway), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `bench-${label}-${crypto.randomUUID()}@example.com`, password: "bench passphrase 2026", firstName: "Bench", lastName: label }),
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string }; accessToken: string };
  return { userId: body.user.id, headers: { authorization: `Bearer ${body.accessToken}` } };
}

const TWENTY_SYMBOLS = seedInstruments.slice(0, 20).map((i) => i.symbol);

export const GATEWAY_CASES: GatewayCase[] = [
  { name: "gateway { __typename }", query: "{ __typename }" },
  { name: "gateway { health { status } }", query: "{ health { status } }" },
  {
    name: "gateway stock(symbol) { quote } (member)",
    query: "{ stock(symbol: \"AAPL\") { symbol quote { price change } } }",
    headers: async (gateway) => (await signedUp(gateway, "stock")).headers,
  },
  {
    name: "gateway stocks(20 symbols) { quote } (member)",
    query: "query ($s: [String!]!) { stocks(symbols: $s) { symbol quote { price change } } }",
    variables: { s: TWENTY_SYMBOLS },
    headers: async (gateway) => (await signedUp(gateway, "stocks")).headers,
  },
  {
    name: "gateway me + 100-symbol watchlist (member)",
    query:
      "{ me { profile { firstName } roles permissions watchlist { symbol stock { quote { price } history(period: ONE_MONTH) { close } } } } }",
    headers: async (gateway, mf) => {
      const member = await signedUp(gateway, "me");
      await fillWatchlist(mf, member.userId);
      return member.headers;
    },
  },
];

/** A full watchlist (every seeded instrument, then made-up symbols up to 100), written straight to user_db. */
async function fillWatchlist(mf: Miniflare, userId: string): Promise<void> {
  const symbols = seedInstruments.map((i) => i.symbol);
  for (let i = 0; symbols.length < 100; i++) symbols.push(`ZZ${i}`);
  const db = await mf.getD1Database("USER_DB", "fafnir-user");
  const insert = db.prepare("INSERT INTO watchlist_items (user_id, symbol, added_at) VALUES (?, ?, ?)");
  await db.batch(symbols.map((symbol, i) => insert.bind(userId, symbol, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString())));
}

/** Each service's migrations, then the instrument seed: the platform as `npm run dev` has it. */
async function prepareDatabases(mf: Miniflare): Promise<void> {
  for (const w of workers.filter((w) => w.database)) {
    const db = await mf.getD1Database(w.database!, w.scriptName);
    for (const migration of await readD1Migrations(resolve(import.meta.dirname, "../../../migrations", w.name))) {
      for (const query of migration.queries) await db.prepare(query).run();
    }
  }
  const stock = await mf.getD1Database("STOCK_DB", "fafnir-stock");
  await stock.prepare(instrumentSeedSql(new Date().toISOString())).run();
}

const BASELINE_QUERY = "{ __typename }";

/** `wrangler deploy --dry-run` of a config into a fresh directory. */
async function build(config: string, outRoot: string, name: string): Promise<string> {
  const outdir = join(outRoot, name);
  await run("wrangler", ["deploy", "--dry-run", "--outdir", outdir, "-c", config], { stdio: ["ignore", "ignore", "inherit"] });
  return outdir;
}

/** The bundle's modules: its one script, then the text modules (the schema) it imports. */
function bundleModules(outdir: string) {
  const files = readdirSync(outdir);
  const script = files.filter((f) => f.endsWith(".js")).map((f) => ({ type: "ESModule" as const, path: join(outdir, f) }));
  const texts = files.filter((f) => f.endsWith(".graphql")).map((f) => ({ type: "Text" as const, path: join(outdir, f) }));
  return [...script, ...texts];
}

/** A Worker's Miniflare options from its wrangler config, running its built bundle. */
function builtWorker(config: string, outdir: string, overrides: Partial<WorkerOptions> = {}): WorkerOptions {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(config);
  const { modulesRules: _rules, ...options } = workerOptions as WorkerOptions & { modulesRules?: unknown };
  return { ...options, modules: bundleModules(outdir), modulesRoot: outdir, ...overrides } as WorkerOptions;
}

/** Miniflare on workerd, with the Workers' own log lines dropped: they would measure the terminal. */
const miniflare = (workerOptions: WorkerOptions[]) =>
  new Miniflare(convertV4MiniflareOptions({ workers: workerOptions, handleStructuredLogs: () => {} } as V4MiniflareOptions));

async function measure(name: string, url: URL, init: RequestInit): Promise<BenchResult> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, init);
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${name}: ${response.status} ${text}`);
    return performance.now() - started;
  };
  /** `count` requests, CONCURRENCY in flight: their latencies and the requests per second. */
  const drive = async (count: number) => {
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < count) latencies.push(await once());
      }),
    );
    return { latencies, rps: count / ((performance.now() - started) / 1000) };
  };
  await drive(WARM_UP);
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await drive(REQUESTS / ROUNDS));
  // The median round's rate, and latencies pooled over all rounds: a noisy neighbour
  // slowing one round moves neither much.
  const rps = rounds.map((r) => r.rps).sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { name, metrics: { "req/s": rps, "p50 ms": at(0.5), "p99 ms": at(0.99) } };
}

const graphqlPost = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
  body: JSON.stringify({ query, variables }),
});

async function runAlone(config: string, outdir: string, name: string): Promise<BenchResult> {
  const mf = miniflare([builtWorker(config, outdir, { name: "baseline" })]);
  try {
    return await measure(name, new URL("/graphql", await mf.ready), graphqlPost(BASELINE_QUERY));
  } finally {
    await mf.dispose();
  }
}

/** The five Workers together, gateway first, as the platform runs them. */
async function runGateway(outdirs: Map<string, string>, cases: GatewayCase[]): Promise<BenchResult[]> {
  const signingKey = JSON.stringify(await generateSigningJwk("bench-key"));
  const unlimited = { simple: { limit: 1_000_000_000, period: 10 } };
  const mf = miniflare(
    gatewayFirst.map((w) => {
      const options = builtWorker(w.config, outdirs.get(w.name)!);
      const bindings = { ...options.bindings, ENVIRONMENT: w.name === "gateway" ? "production" : "test" };
      return {
        ...options,
        name: w.scriptName,
        bindings: w.name === "auth" ? { ...bindings, JWT_PRIVATE_KEY: signingKey } : bindings,
        // One client sends every request: the limiter still runs, but never refuses.
        ratelimits: Object.fromEntries(
          Object.entries(options.ratelimits ?? {}).map(([binding, limiter]) => [binding, { ...limiter, ...unlimited }]),
        ),
      } as WorkerOptions;
    }),
  );
  try {
    const url = new URL("/graphql", await mf.ready);
    await prepareDatabases(mf);
    const results: BenchResult[] = [];
    for (const c of cases) {
      const headers = (await c.headers?.(url, mf)) ?? {};
      results.push(await measure(c.name, url, graphqlPost(c.query, c.variables, headers)));
    }
    return results;
  } finally {
    await mf.dispose();
  }
}

const ratio = (a: number | string | undefined, b: number | string | undefined) => Number(a) / Number(b);

export default async function gatewayBench(cases: GatewayCase[] = GATEWAY_CASES): Promise<BenchResult[]> {
  const outRoot = mkdtempSync(join(tmpdir(), "gateway-bench-"));
  try {
    const baselines = resolve(import.meta.dirname, "baselines");
    const outdirs = new Map<string, string>();
    for (const w of workers) outdirs.set(w.name, await build(w.config, outRoot, w.name));
    const honoConfig = join(baselines, "wrangler.hono.toml");
    const yogaConfig = join(baselines, "wrangler.yoga.toml");
    const hono = await runAlone(honoConfig, await build(honoConfig, outRoot, "bare-hono"), "bare hono (fixed JSON)");
    const yoga = await runAlone(yogaConfig, await build(yogaConfig, outRoot, "bare-yoga"), "bare yoga { __typename }");
    const gateway = await runGateway(outdirs, cases);
    for (const result of gateway) {
      const { metrics } = result;
      metrics["rps/hono"] = ratio(metrics["req/s"], hono.metrics["req/s"]);
      metrics["rps/yoga"] = ratio(metrics["req/s"], yoga.metrics["req/s"]);
      metrics["p50/yoga"] = ratio(metrics["p50 ms"], yoga.metrics["p50 ms"]);
      metrics["p99/yoga"] = ratio(metrics["p99 ms"], yoga.metrics["p99 ms"]);
    }
    return [hono, yoga, ...gateway];
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
}
