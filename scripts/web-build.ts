/**
 * The web app's build (Vite: web/ -> workers/gateway/assets/) and its weight. The first
 * page's JavaScript is index.html's entry chunk and every chunk it imports statically
 * (Vite's manifest), gzipped at level 9 as scripts/build.ts measures the Workers; lazy
 * chunks (pages, the chart) load later and are listed apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build as viteBuild } from "vite";
import { writeGraphiqlAssets } from "./graphiql-assets.ts";
import { run } from "./run.ts";

export const WEB_ASSETS = "workers/gateway/assets";
export const FIRST_PAGE_BUDGET_KIB = 150;

/** Vite's build modes: `production` is what deploy ships (HSTS in _headers); `development` is npm run dev's. */
export type WebMode = "production" | "development";

/** `vite build` once, or with `watch` a rebuild on every change under web/. */
export function viteBuildArgs(mode: WebMode, watch = false): string[] {
  return ["build", "-c", "web/vite.config.ts", "--mode", mode, "--logLevel", "warn", ...(watch ? ["--watch"] : [])];
}

export function buildWeb(mode: WebMode): Promise<void> {
  // NODE_ENV beats the mode in Vite: vitest's "test" would bundle React's development build.
  return run("vite", viteBuildArgs(mode), { env: { ...process.env, NODE_ENV: "production" } });
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface WebSize {
  firstPage: FileSize[];
  lazy: FileSize[];
}

const sizeOf = (dir: string, file: string): FileSize => {
  const content = readFileSync(join(dir, file));
  return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
};

/** The built app's JavaScript, first page apart from what loads later. */
export function webSize(dir = WEB_ASSETS): WebSize {
  const manifest = JSON.parse(readFileSync(join(dir, ".vite/manifest.json"), "utf8")) as Record<string, ManifestChunk>;
  const firstPage = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key]!;
    if (firstPage.has(chunk.file)) return;
    firstPage.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const scripts = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith(".js"));
  return {
    firstPage: scripts.filter((file) => firstPage.has(file)).map((file) => sizeOf(dir, file)),
    lazy: scripts.filter((file) => !firstPage.has(file)).map((file) => sizeOf(dir, file)),
  };
}

const total = (files: FileSize[]) => files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });

const NAME_WIDTH = 36;
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/** The header of a size table whose rows are sizeRow's. */
export const sizeHeader = (title: string) => `${title.padEnd(NAME_WIDTH)} ${"raw".padStart(13)} ${"gzip".padStart(12)} ${"budget".padStart(10)}`;

/** A row of build.ts's tables: name, raw, gzip, budget (or what stands in for one), verdict. */
export const sizeRow = (name: string, size: { raw: number; gzip: number }, budget: string, verdict: string) =>
  `${name.padEnd(NAME_WIDTH)} ${kib(size.raw).padStart(9)} KiB ${kib(size.gzip).padStart(8)} KiB ${budget.padStart(10)} ${verdict}`.trimEnd();

/** The app's table (first page against its budget, then each lazy chunk) and whether it is over. */
export function webSizeReport(size: WebSize): { table: string; over: boolean } {
  const firstPage = total(size.firstPage);
  const over = firstPage.gzip / 1024 > FIRST_PAGE_BUDGET_KIB;
  const rows = [
    sizeHeader("web app (JavaScript)"),
    sizeRow(`first page (${size.firstPage.length} ${size.firstPage.length === 1 ? "file" : "files"})`, firstPage, `${FIRST_PAGE_BUDGET_KIB} KiB`, over ? "OVER BUDGET" : "ok"),
    ...size.lazy.map((chunk) => sizeRow(`  lazy ${chunk.file.replace(/^assets\//, "")}`, chunk, "later", "")),
  ];
  return { table: rows.join("\n"), over };
}

/**
 * `npm run dev`'s build: the app in development mode, rebuilt into the assets on every change
 * under web/ (wrangler dev reloads on a change of its assets directory). The directory is
 * never emptied: wrangler dev would reload it empty and, as seen, not again once it is
 * filled. Old chunks stay behind, unreferenced. Resolves once the first build is written;
 * `onRebuild` hears of each later one.
 */
export async function watchWeb(onRebuild: (error?: Error) => void): Promise<{ close(): Promise<void> }> {
  writeGraphiqlAssets();
  const watcher = await viteBuild({ configFile: "web/vite.config.ts", mode: "development", logLevel: "warn", build: { watch: {}, emptyOutDir: false } });
  if (!("on" in watcher)) throw new Error("vite build did not start watching");
  let first = true;
  await new Promise<void>((resolve, reject) =>
    watcher.on("event", (event) => {
      if (event.code !== "END" && event.code !== "ERROR") return;
      if ("result" in event) void event.result.close();
      const error = event.code === "ERROR" ? event.error : undefined;
      if (!first) return onRebuild(error);
      first = false;
      if (error) reject(error);
      else resolve();
    }),
  );
  return watcher;
}
