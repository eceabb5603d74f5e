/**
 * Builds what deploys: the web app (Vite, production mode, into the gateway's assets: before
 * the Workers, since wrangler validates the assets directory), then each Worker's deployable
 * bundle (`wrangler deploy --dry-run --outdir dist/<name>`). Prints their sizes raw and
 * gzipped and fails when one exceeds its budget (scripts/workers.ts; the web app's first
 * page, scripts/web-build.ts).
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { run } from "./run.ts";
import { buildWeb, sizeHeader, sizeRow, webSize, webSizeReport } from "./web-build.ts";
import { workers } from "./workers.ts";

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
// Writes GraphiQL's files back after emptying the directory (web/vite.config.ts).
await buildWeb("production");
const rows: string[] = [];
let overBudget = false;
for (const worker of workers) {
  const outdir = resolve("dist", worker.name); // wrangler resolves a relative outdir against the config
  await run("wrangler", ["deploy", "--dry-run", "--outdir", outdir, "-c", worker.config], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const size = bundleSize(outdir);
  const over = size.gzip / 1024 > worker.budgetKiB;
  overBudget ||= over;
  rows.push(sizeRow(worker.name, size, `${worker.budgetKiB} KiB`, over ? "OVER BUDGET" : "ok"));
}
console.log(`${sizeHeader("worker")}\n${rows.join("\n")}`);
const web = webSizeReport(webSize());
console.log(`\n${web.table}`);
if (overBudget) console.error("A bundle is over its gzip budget (scripts/workers.ts).");
if (web.over) console.error("The web app's first page is over its gzip budget (scripts/web-build.ts).");
if (overBudget || web.over) process.exit(1);
