/**
 * GraphiQL's scripts and styles, copied from @graphql-yoga/graphiql into the gateway's
 * static assets (workers/gateway/assets/graphiql/, git-ignored) so that GraphiQL loads
 * without a CDN: offline, the platform still has its GraphiQL. Far too large to inline
 * into the Worker's bundle; `[assets]` in wrangler.toml serves them beside it.
 * `npm run dev`, `npm run build`, `npm run deploy` and the test runs write them first.
 */
import { copyFileSync, mkdirSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
export const GRAPHIQL_ASSETS_DIR = join(repoRoot, "workers/gateway/assets/graphiql");

/** The files the GraphiQL page (workers/gateway/src/graphql/graphiql-page.ts) loads. */
const FILES = [
  "yoga-graphiql.umd.js",
  "graphiql.css",
  "monacoeditorwork/editor.worker.bundle.js",
  "monacoeditorwork/json.worker.bundle.js",
  "monacoeditorwork/graphql.worker..bundle.js",
];

export function writeGraphiqlAssets(): void {
  const dist = join(dirname(createRequire(import.meta.url).resolve("@graphql-yoga/graphiql/package.json")), "dist");
  for (const file of FILES) {
    const target = join(GRAPHIQL_ASSETS_DIR, file);
    mkdirSync(dirname(target), { recursive: true });
    // Copied aside, then renamed over the target: two dev sessions or test runs starting at
    // once each replace the file whole instead of colliding on it.
    const copy = `${target}.${process.pid}.${crypto.randomUUID()}`;
    copyFileSync(join(dist, file), copy);
    renameSync(copy, target);
  }
}
