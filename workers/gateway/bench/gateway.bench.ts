/**
 * The gateway's overhead against two floors: a bare hono Worker and a bare graphql-yoga
 * Worker. Each is built as it would deploy (`wrangler deploy --dry-run`) and run on
 * workerd through Miniflare; the gateway with the Workers it binds. autocannon (its Node
 * API) drives every case with CONNECTIONS keep-alive connections for DURATION_S seconds
 * after a WARM_UP_S warm-up; Node's fetch saturated before a bare Worker did, squeezing
 * every ratio towards 1. The server's CPU per request is the workerd processes' utime +
 * stime (/proc/<pid>/stat) over the measured run, divided by the requests answered.
 *
 * Cases are data: add one to BENCH_CASES (`signedIn` registers a member first through the
 * gateway's /auth/*; `watchlist` fills that member's watchlist through the GraphQL API).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { convertV4MiniflareOptions, Miniflare, type V4MiniflareOptions, type V4WorkerOptions as WorkerOptions } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { readD1Migrations } from "@cloudflare/vitest-plugin";
import type { BenchReport, BenchResult } from "../../../scripts/bench.ts";
import { instrumentSeedSql } from "../../../scripts/seed.ts";
import { seedInstruments } from "../../stock/src/seed/instruments.ts";
import { run } from "../../../scripts/run.ts";
import { generateSigningJwk } from "../../../scripts/signing-key.ts";
import { gatewayFirst, workers } from "../../../scripts/workers.ts";

const CONNECTIONS = 16;
export const WARM_UP_S = 1;
export const DURATION_S = 5;

export interface BenchCase {
  name: string;
  /** Which Worker(s) answer: a bare baseline alone, or the gateway with its services. */
  target: "bare-hono" | "bare-yoga" | "gateway";
  query: string;
  variables?: Record<string, unknown>;
  /** Sent as a member registered for this case (a bearer token from /auth/register). */
  signedIn?: boolean;
  /** Symbols added to that member's watchlist (addToWatchlist) before the case runs. */
  watchlist?: number;
}

const BASELINE_QUERY = "{ __typename }";
const TWENTY_SYMBOLS = seedInstruments.slice(0, 20).map((i) => i.symbol);

export const BENCH_CASES: BenchCase[] = [
  { name: "bare hono (fixed JSON)", target: "bare-hono", query: BASELINE_QUERY },
  { name: "bare yoga { __typename }", target: "bare-yoga", query: BASELINE_QUERY },
  { name: "gateway { __typename }", target: "gateway", query: "{ __typename }" },
  { name: "gateway { health { status } }", target: "gateway", query: "{ health { status } }" },
  { name: "gateway stock(symbol) { quote } (member)", target: "gateway", signedIn: true, query: '{ stock(symbol: "AAPL") { symbol quote { price change } } }' },
  {
    name: "gateway stocks(20 symbols) { quote } (member)",
    target: "gateway",
    signedIn: true,
    query: "query ($s: [String!]!) { stocks(symbols: $s) { symbol quote { price change } } }",
    variables: { s: TWENTY_SYMBOLS },
  },
  {
    name: "gateway me + 100-symbol watchlist (member)",
    target: "gateway",
    signedIn: true,
    watchlist: 100,
    query: "{ me { profile { firstName } roles permissions watchlist { symbol stock { quote { price } history(period: ONE_MONTH) { close } } } } }",
  },
  { name: "gateway searchStocks (member)", target: "gateway", signedIn: true, query: '{ searchStocks(query: "a", limit: 8) { symbol name } }' },
];

/** The issue's targets (req/s of a case over bare yoga's in the same run), by case name. */
const RATIO_TARGETS: [caseName: string, atLeast: number][] = [
  ["gateway { __typename }", 0.9],
  ["gateway stock(symbol) { quote } (member)", 0.5],
  ["gateway stocks(20 symbols) { quote } (member)", 0.35],
  ["gateway me + 100-symbol watchlist (member)", 0.1],
];
/** ...and the single-stock case's p99 at most this many times bare yoga's. */
const P99_TARGET: [caseName: string, atMost: number] = ["gateway stock(symbol) { quote } (member)", 3];

/** A new member through the gateway's /auth/register: the bearer header of their session. */
async function signedUp(gateway: URL, label: string): Promise<Record<string, string>> {
  const response = await fetch(new URL("/auth/register", gateway), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `bench-${label}-${crypto.randomUUID()}@example.com`, password: "bench passphrase 2026", firstName: "Bench", lastName: label }),
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${body.accessToken}` };
}

/**
 * `count` symbols on the member's watchlist, each through the `addToWatchlist` mutation.
 * The seed has 55 instruments (the simulated provider's whole universe); past those, bench
 * instruments ZZBENCH<n> are written to stock_db first, so that the gateway knows them: they
 * have no quote (null) and no history, as a listed symbol no provider prices.
 */
async function fillWatchlist(mf: Miniflare, gateway: URL, headers: Record<string, string>, count: number): Promise<void> {
  const symbols = seedInstruments.slice(0, count).map((i) => i.symbol);
  const padding = Array.from({ length: count - symbols.length }, (_, i) => `ZZBENCH${i}`);
  if (padding.length > 0) {
    const stock = await mf.getD1Database("STOCK_DB", "fafnir-stock");
    const insert = stock.prepare(
      "INSERT INTO instruments (symbol, name, exchange, exchange_full_name, currency, instrument_type, refreshed_at) VALUES (?, ?, 'NASDAQ', 'NASDAQ Global Select', 'USD', 'EQUITY', ?) ON CONFLICT (symbol) DO NOTHING",
    );
    await stock.batch(padding.map((s) => insert.bind(s, `Bench padding ${s}`, new Date().toISOString())));
  }
  for (const symbol of [...symbols, ...padding]) {
    const response = await fetch(gateway, graphqlPost("mutation ($s: String!) { addToWatchlist(symbol: $s) { symbol } }", { s: symbol }, headers));
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`addToWatchlist ${symbol}: ${response.status} ${text}`);
  }
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

/** `wrangler deploy --dry-run` of a config into a fresh directory. */
export async function build(config: string, outRoot: string, name: string): Promise<string> {
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

/** Shared Miniflare options a caller may add: scripts/profile-gateway.ts's `inspectorPort`. */
export type SharedOptions = Pick<V4MiniflareOptions, "inspectorPort">;

/** Miniflare on workerd, with the Workers' own log lines dropped: they would measure the terminal. */
const miniflare = (workerOptions: WorkerOptions[], shared: SharedOptions = {}) =>
  new Miniflare(convertV4MiniflareOptions({ ...shared, workers: workerOptions, handleStructuredLogs: () => {} } as V4MiniflareOptions));

export const graphqlPost = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => ({
  method: "POST" as const,
  headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
  body: JSON.stringify({ query, variables }),
});

const CLOCK_TICKS_PER_S = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** pid, parent pid, command name and utime + stime (clock ticks) of every readable process. */
function processTable(): { pid: number; ppid: number; comm: string; ticks: number }[] {
  const table = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    table.push({ pid: Number(entry), ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return table;
}

/** CPU milliseconds used so far by the workerd processes this Node process started (Miniflare's). */
export function workerdCpuMs(): number {
  const table = processTable();
  const ours = new Set([process.pid]);
  // Descendants, in as many passes as the tree is deep.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of table) {
      if (ours.has(p.ppid) && !ours.has(p.pid)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  const workerd = table.filter((p) => ours.has(p.pid) && p.pid !== process.pid && p.comm.startsWith("workerd"));
  if (workerd.length === 0) throw new Error("no workerd process found under this one: cannot measure server CPU");
  return (workerd.reduce((sum, p) => sum + p.ticks, 0) / CLOCK_TICKS_PER_S) * 1000;
}

/** One autocannon run; GraphQL answers with `errors` count as mismatches. */
export const cannon = (url: URL, request: ReturnType<typeof graphqlPost>, seconds: number) =>
  autocannon({
    url: url.href,
    connections: CONNECTIONS,
    duration: seconds,
    ...request,
    verifyBody: (body) => !String(body ?? "").includes('"errors"'),
  });

/** A case's request, sent once first: a broken case fails with its answer rather than as a count. */
export async function checkedRequest(c: BenchCase, url: URL, headers: Record<string, string>) {
  const request = graphqlPost(c.query, c.variables, headers);
  const probe = await fetch(url, request);
  const text = await probe.text();
  if (probe.status !== 200 || text.includes('"errors"')) throw new Error(`${c.name}: ${probe.status} ${text}`);
  return request;
}

async function measure(c: BenchCase, url: URL, headers: Record<string, string>): Promise<BenchResult> {
  const request = await checkedRequest(c, url, headers);
  await cannon(url, request, WARM_UP_S);
  const cpuBefore = workerdCpuMs();
  const clientBefore = process.cpuUsage();
  const result = await cannon(url, request, DURATION_S);
  const client = process.cpuUsage(clientBefore);
  const cpuMs = workerdCpuMs() - cpuBefore;
  const requests = result.requests.total;
  const failed = result.errors + result.timeouts + result.non2xx + result.mismatches + result.resets;
  return {
    name: c.name,
    metrics: {
      "req/s": requests / result.duration,
      "p50 ms": result.latency.p50,
      "p99 ms": result.latency.p99,
      "CPU ms/req": requests > 0 ? cpuMs / requests : Number.NaN,
      // This Node process (autocannon, and Miniflare's side): near 1000 per s would mean a saturated generator.
      "client CPU ms/s": (client.user + client.system) / 1000 / result.duration,
      requests,
      // Connection errors (timeouts among them), non-2xx, 2xx with GraphQL errors, resets.
      failed: failed === 0 ? 0 : `${failed} FAILED (errors=${result.errors} timeouts=${result.timeouts} non2xx=${result.non2xx} graphqlErrors=${result.mismatches} resets=${result.resets})`,
    },
  };
}

/** Running Worker(s): their Miniflare, and the GraphQL endpoint cases are sent to. */
export interface Running {
  mf: Miniflare;
  url: URL;
}

/** A bare baseline's wrangler config (bench/baselines/). */
export const baselineConfig = (target: "bare-hono" | "bare-yoga") =>
  resolve(import.meta.dirname, "baselines", `wrangler.${target.slice("bare-".length)}.toml`);

/** A baseline Worker alone in its own workerd, named "baseline". */
export async function startAlone(config: string, outdir: string, shared: SharedOptions = {}): Promise<Running> {
  const mf = miniflare([builtWorker(config, outdir, { name: "baseline" })], shared);
  return { mf, url: new URL("/graphql", await mf.ready) };
}

async function runAlone(config: string, outdir: string, cases: BenchCase[]): Promise<BenchResult[]> {
  const { mf, url } = await startAlone(config, outdir);
  try {
    const results: BenchResult[] = [];
    for (const c of cases) results.push(await measure(c, url, {}));
    return results;
  } finally {
    await mf.dispose();
  }
}

/** Every Worker's bundle, built into outRoot: name -> its directory. */
export async function buildWorkers(outRoot: string): Promise<Map<string, string>> {
  const outdirs = new Map<string, string>();
  for (const w of workers) outdirs.set(w.name, await build(w.config, outRoot, w.name));
  return outdirs;
}

/** The six Workers together, gateway first, as the platform runs them, their databases migrated and seeded. */
export async function startGateway(outdirs: Map<string, string>, shared: SharedOptions = {}): Promise<Running> {
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
    shared,
  );
  try {
    const url = new URL("/graphql", await mf.ready);
    await prepareDatabases(mf);
    return { mf, url };
  } catch (error) {
    await mf.dispose();
    throw error;
  }
}

/** What a gateway case needs before it runs: its member's headers (signed up, watchlist filled), or none. */
export async function caseHeaders({ mf, url }: Running, c: BenchCase): Promise<Record<string, string>> {
  const headers = c.signedIn ? await signedUp(url, c.name.replace(/\W+/g, "-")) : {};
  if (c.watchlist) await fillWatchlist(mf, url, headers, c.watchlist);
  return headers;
}

async function runGateway(outdirs: Map<string, string>, cases: BenchCase[]): Promise<BenchResult[]> {
  const running = await startGateway(outdirs);
  try {
    const results: BenchResult[] = [];
    for (const c of cases) results.push(await measure(c, running.url, await caseHeaders(running, c)));
    return results;
  } finally {
    await running.mf.dispose();
  }
}

const fixed = (n: number | string | undefined, digits: number) => (typeof n === "number" && Number.isFinite(n) ? n.toFixed(digits) : String(n ?? ""));

/** The closing table and the issue's targets, met or not. */
function summary(results: BenchResult[]): string[] {
  const byName = new Map(results.map((r) => [r.name, r.metrics]));
  const yoga = byName.get("bare yoga { __typename }");
  const ratioOf = (name: string) => Number(byName.get(name)?.["req/s"]) / Number(yoga?.["req/s"]);
  const rows = [
    ["case", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "vs bare yoga", "failed"],
    ...results.map((r) => [
      r.name,
      fixed(r.metrics["req/s"], 0),
      fixed(r.metrics["p50 ms"], 0),
      fixed(r.metrics["p99 ms"], 0),
      fixed(r.metrics["CPU ms/req"], 3),
      fixed(ratioOf(r.name), 3),
      String(r.metrics.failed),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  const table = [line(rows[0]!), `|${widths.map((w, i) => (i === 0 ? "-" : "").padEnd(w + 1, "-") + (i === 0 ? "-" : ":")).join("|")}|`, ...rows.slice(1).map(line)];

  const hono = byName.get("bare hono (fixed JSON)");
  const verdict = (ok: boolean) => (ok ? "met" : "NOT MET");
  const targets = RATIO_TARGETS.map(([name, atLeast]) => `  ${name}: req/s ratio ${fixed(ratioOf(name), 3)} >= ${atLeast}: ${verdict(ratioOf(name) >= atLeast)}`);
  const [p99Case, atMost] = P99_TARGET;
  const p99Ratio = Number(byName.get(p99Case)?.["p99 ms"]) / Number(yoga?.["p99 ms"]);
  targets.push(`  ${p99Case}: p99 ${fixed(p99Ratio, 2)}x bare yoga's <= ${atMost}x: ${verdict(p99Ratio <= atMost)}`);
  const honoOverYoga = Number(hono?.["req/s"]) / Number(yoga?.["req/s"]);
  const yogaCpuOverHono = Number(yoga?.["CPU ms/req"]) / Number(hono?.["CPU ms/req"]);
  const clientMsPerS = Number(hono?.["client CPU ms/s"]);
  // workerd-bound: hono clearly ahead (about as much as it is cheaper per request) and the generator far from a core.
  const generatorFree = honoOverYoga >= 1.2 && clientMsPerS < 500;
  const failing = results.filter((r) => r.metrics.failed !== 0);
  return [
    "",
    ...table,
    "",
    `generator check: bare hono ${fixed(hono?.["req/s"], 0)} req/s vs bare yoga ${fixed(yoga?.["req/s"], 0)} req/s (${fixed(honoOverYoga, 2)}x; ` +
      `their workerd CPU per request ${fixed(hono?.["CPU ms/req"], 3)} vs ${fixed(yoga?.["CPU ms/req"], 3)} ms, ${fixed(yogaCpuOverHono, 2)}x); ` +
      `the generator's process used ${fixed(clientMsPerS, 0)} CPU ms/s on bare hono (1000 = one core): ` +
      (generatorFree ? "not the bottleneck" : "THE GENERATOR MAY BE THE BOTTLENECK (hono not above yoga, or the generator near a core)"),
    ...(failing.length > 0 ? [`!!! ${failing.length} case(s) had failed requests: ${failing.map((r) => r.name).join("; ")} !!!`] : []),
    "targets of issue 15 (same run, 2-core shared machine: ratios, not absolute figures):",
    ...targets,
  ];
}

export default async function gatewayBench(cases: BenchCase[] = BENCH_CASES): Promise<BenchReport> {
  const outRoot = mkdtempSync(join(tmpdir(), "gateway-bench-"));
  try {
    const results: BenchResult[] = [];
    for (const bare of ["bare-hono", "bare-yoga"] as const) {
      const ofBare = cases.filter((c) => c.target === bare);
      if (ofBare.length === 0) continue;
      const config = baselineConfig(bare);
      results.push(...(await runAlone(config, await build(config, outRoot, bare), ofBare)));
    }
    results.push(...(await runGateway(await buildWorkers(outRoot), cases.filter((c) => c.target === "gateway"))));
    return { results, footer: summary(results) };
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
}
