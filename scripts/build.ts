/**
 * Builds each Worker's deployable bundle (`wrangler deploy --dry-run --outdir dist/<name>`),
 * prints its size raw and gzipped, and fails when one exceeds its budget (scripts/workers.ts).
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { writeGraphiqlAssets } from "./graphiql-assets.ts";
import { run } from "./run.ts";
import { workers } from "./workers.ts";

const kib = (bytes: number) => bytes / 1024;

function bundleSize(dir: string): { raw: number; gzip: number } {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile() && !f.endsWith(".map") && !f.endsWith(".json"));
  return files.reduce(
    (sum, file) => {
      const content = readFileSync(file);
      return { raw: sum.raw + content.length, gzip: sum.gzip + gzipSync(content, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );
}

rmSync("dist", { recursive: true, force: true });
writeGraphiqlAssets();
const rows: string[] = [];
let overBudget = false;
for (const worker of workers) {
  const outdir = resolve("dist", worker.name); // wrangler resolves a relative outdir against the config
  await run("wrangler", ["deploy", "--dry-run", "--outdir", outdir, "-c", worker.config], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const size = bundleSize(outdir);
  const over = kib(size.gzip) > worker.budgetKiB;
  overBudget ||= over;
  rows.push(
    `${worker.name.padEnd(9)} ${kib(size.raw).toFixed(1).padStart(9)} KiB ${kib(size.gzip).toFixed(1).padStart(8)} KiB ${String(worker.budgetKiB).padStart(6)} KiB ${over ? "OVER BUDGET" : "ok"}`,
  );
}
console.log(`worker          raw       gzip   budget\n${rows.join("\n")}`);
if (overBudget) {
  console.error("A bundle is over its gzip budget (scripts/workers.ts).");
  process.exit(1);
}
