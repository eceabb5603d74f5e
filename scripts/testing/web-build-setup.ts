/**
 * The node project's globalSetup: the browser and assets tests serve the built web app
 * (the test harness snapshots the assets directory when it starts), so a standalone run
 * (`npx vitest run --project node web/test/...`) builds it first when it is missing, older
 * than its sources, or npm run dev's development build (the tests check what deploys).
 * `npm test` has built it already: then this is one stat walk.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { headersFile } from "../../web/security-headers.ts";
import { buildWeb, WEB_ASSETS } from "../web-build.ts";

/** What the built app is made of: a change to any of them means a rebuild. */
export const WEB_SOURCES = ["web/src", "web/public", "web/index.html", "web/vite.config.ts", "web/security-headers.ts", "workers/gateway/src/security-headers.ts"];

const newestChange = (path: string): number => {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
};

export function webBuildIsStale(assets = WEB_ASSETS, sources = WEB_SOURCES): boolean {
  const built = statSync(join(assets, "index.html"), { throwIfNoEntry: false });
  if (!built || Math.max(...sources.map(newestChange)) > built.mtimeMs) return true;
  const headers = statSync(join(assets, "_headers"), { throwIfNoEntry: false }) && readFileSync(join(assets, "_headers"), "utf8");
  return headers !== headersFile("production");
}

export default async function setup(): Promise<void> {
  if (!webBuildIsStale()) return;
  console.log("web app build missing or stale: building it (vite build --mode production)");
  await buildWeb("production");
}
