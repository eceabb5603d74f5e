/**
 * SPIKE: the web app's first-page weight: index.html's entry script and every chunk it
 * imports statically (Vite's manifest), gzipped at level 9 as scripts/build.ts measures
 * the Workers; lazy chunks (the chart) listed apart. Fails over the budget.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const ASSETS = "workers/gateway/assets";
const BUDGET_KIB = 150;

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
const manifest = JSON.parse(readFileSync(join(ASSETS, ".vite/manifest.json"), "utf8")) as Record<string, Chunk>;
const gzipKiB = (file: string) => gzipSync(readFileSync(join(ASSETS, file)), { level: 9 }).length / 1024;

const firstPage = new Set<string>();
const visit = (key: string) => {
  const chunk = manifest[key]!;
  if (firstPage.has(chunk.file)) return;
  firstPage.add(chunk.file);
  for (const css of chunk.css ?? []) firstPage.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const js = [...firstPage].filter((f) => f.endsWith(".js")).reduce((sum, f) => sum + gzipKiB(f), 0);
const lazy = Object.values(manifest).filter((c) => !firstPage.has(c.file));
console.log(`web first page: ${js.toFixed(1)} KiB gzip JS (budget ${BUDGET_KIB} KiB), index.html ${gzipKiB("index.html").toFixed(1)} KiB`);
for (const chunk of lazy) console.log(`  lazy ${chunk.file}: ${gzipKiB(chunk.file).toFixed(1)} KiB gzip`);
if (js > BUDGET_KIB) {
  console.error("The web app's first page is over its gzip budget.");
  process.exit(1);
}
