/**
 * `npm run profile -- <case name substring>...`: CPU profiles of the Workers' isolates while
 * workers/gateway/bench/gateway.bench.ts's load drives the matching case(s): the same
 * builds, Miniflare setup, member and load (autocannon, 16 connections, a 1 s warm-up,
 * then 5 s profiled), with workerd's inspector on. Writes each isolate's profile to
 * dist/profiles/<case>-<worker>.cpuprofile (DevTools' Performance panel opens them) and
 * prints, for each isolate that ran, its sampled time, its top functions by self time and
 * its self time by package or module, mapped back through the bundles' source maps.
 * Run `npm run build` once first (wrangler wants the gateway's assets directory).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  BENCH_CASES,
  baselineConfig,
  build,
  buildWorkers,
  cannon,
  caseHeaders,
  checkedRequest,
  DURATION_S,
  type Running,
  startAlone,
  startGateway,
  WARM_UP_S,
  workerdCpuMs,
} from "../workers/gateway/bench/gateway.bench.ts";
import { FrameResolver, formatSummary, startProfilers, summarize } from "./cpu-profile.ts";
import { workers } from "./workers.ts";

/** 100 µs: fine enough for functions of a few microseconds over 5 s, at some cost in overhead. */
const SAMPLING_INTERVAL_US = 100;
const TOP_FUNCTIONS = 25;
const OUT_DIR = resolve("dist/profiles");

const filters = process.argv.slice(2);
const cases = BENCH_CASES.filter((c) => filters.some((f) => c.name.includes(f)));
if (cases.length === 0) {
  console.error(`usage: npm run profile -- <case name substring>...; the cases:\n${BENCH_CASES.map((c) => `  ${c.name}`).join("\n")}`);
  process.exit(1);
}
const targets = new Set(cases.map((c) => c.target));

const slug = (s: string) => s.replace(/\W+/g, "-").replace(/^-|-$/g, "");
/** "workerd: worker core:user:fafnir-gateway" -> "fafnir-gateway" (workerd's own services keep their titles). */
const isolateName = (title: string) => title.replace(/^.*core:user:/, "");

/** Each Worker's bundle directory, by the name its inspector target carries. */
const bundleDirs = new Map<string, string>();

async function profileCase(c: (typeof cases)[number], running: Running) {
  const headers = await caseHeaders(running, c);
  const request = await checkedRequest(c, running.url, headers);
  await cannon(running.url, request, WARM_UP_S);
  const profilers = await startProfilers(await running.mf.getInspectorURL(), SAMPLING_INTERVAL_US, (title) => bundleDirs.has(isolateName(title)));
  const cpuBefore = workerdCpuMs();
  const result = await cannon(running.url, request, DURATION_S);
  const cpuMs = workerdCpuMs() - cpuBefore;
  const profiles = await profilers.stop();

  const requests = result.requests.total;
  console.log(`\n# ${c.name}: ${requests} requests in ${result.duration.toFixed(1)} s (${(requests / result.duration).toFixed(0)} req/s), ` +
    `${result.non2xx + result.errors + result.timeouts + result.mismatches + result.resets} failed; workerd process CPU ${cpuMs.toFixed(0)} ms (${(cpuMs / requests).toFixed(3)} ms/req), ` +
    `sampled every ${SAMPLING_INTERVAL_US} µs (the profiler's overhead included)`);
  const quiet: string[] = [];
  const summaries = [...profiles].map(([title, profile]) => {
    const name = isolateName(title);
    writeFileSync(join(OUT_DIR, `${slug(c.name)}-${name}.cpuprofile`), JSON.stringify(profile));
    return { name, summary: summarize(profile, new FrameResolver(bundleDirs.get(name)!), SAMPLING_INTERVAL_US) };
  });
  const busyTotal = summaries.reduce((sum, s) => sum + s.summary.busyMs, 0);
  console.log(`isolates' busy samples: ${busyTotal.toFixed(0)} ms of the process's ${cpuMs.toFixed(0)} ms (the rest: workerd outside JavaScript, D1, I/O; and the profiler)`);
  for (const { name, summary } of summaries.sort((a, b) => b.summary.busyMs - a.summary.busyMs)) {
    // An isolate under 2% of the busy time gets one line.
    if (summary.busyMs < 0.02 * busyTotal) quiet.push(`${name} ${summary.busyMs.toFixed(0)} ms`);
    else console.log(["", ...formatSummary(name, summary, TOP_FUNCTIONS)].join("\n"));
  }
  if (quiet.length > 0) console.log(`\nquiet isolates (< 2% of busy samples): ${quiet.join(", ")}`);
}

const outRoot = mkdtempSync(join(tmpdir(), "gateway-profile-"));
mkdirSync(OUT_DIR, { recursive: true });
try {
  for (const target of ["bare-hono", "bare-yoga"] as const) {
    if (!targets.has(target)) continue;
    const config = baselineConfig(target);
    bundleDirs.clear();
    bundleDirs.set("baseline", await build(config, outRoot, target));
    const running = await startAlone(config, bundleDirs.get("baseline")!, { inspectorPort: 0 });
    try {
      for (const c of cases.filter((c) => c.target === target)) await profileCase(c, running);
    } finally {
      await running.mf.dispose();
    }
  }
  if (targets.has("gateway")) {
    const outdirs = await buildWorkers(outRoot);
    bundleDirs.clear();
    for (const w of workers) bundleDirs.set(w.scriptName, outdirs.get(w.name)!);
    const running = await startGateway(outdirs, { inspectorPort: 0 });
    try {
      for (const c of cases.filter((c) => c.target === "gateway")) await profileCase(c, running);
    } finally {
      await running.mf.dispose();
    }
  }
  console.log(`\nprofiles in ${OUT_DIR}`);
} finally {
  rmSync(outRoot, { recursive: true, force: true });
}
