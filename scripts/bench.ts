/**
 * `npm run bench`: runs every `workers/<name>/bench/*.bench.ts` and prints what each
 * measured. Speed and memory are reported here, never asserted in tests: this machine is
 * shared and noisy. Benchmarks run the built Workers on workerd directly (Miniflare),
 * never through `wrangler dev`, whose proxy caps throughput. `-- <filter>` runs the
 * benchmarks whose path contains the filter.
 */
import { globSync } from "node:fs";
import { pathToFileURL } from "node:url";

export interface BenchResult {
  name: string;
  /** e.g. { "req/s": 1234, "p50 ms": 0.8, "p99 ms": 2.1 } */
  metrics: Record<string, number | string>;
}

/** A bench's results, and lines to print after them (a summary table, say). */
export interface BenchReport {
  results: BenchResult[];
  footer?: string[];
}

/** A bench module's default export. */
export type Bench = () => Promise<BenchResult[] | BenchReport>;

const filter = process.argv[2] ?? "";
const files = globSync("workers/*/bench/*.bench.ts").filter((f) => f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`no benchmarks match "${filter}"`);
  process.exit(1);
}
for (const file of files) {
  const bench = ((await import(pathToFileURL(file).href)) as { default: Bench }).default;
  console.log(`\n# ${file}`);
  const report = await bench();
  const { results, footer = [] } = Array.isArray(report) ? { results: report } : report;
  for (const { name, metrics } of results) {
    const cells = Object.entries(metrics).map(([k, v]) => `${k}=${typeof v === "number" ? +v.toFixed(3) : v}`);
    console.log(`${name.padEnd(48)} ${cells.join("  ")}`);
  }
  for (const line of footer) console.log(line);
}
