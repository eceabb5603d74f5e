/**
 * Vitest global setup of the stock project (Node side): a real redis-server behind the
 * Upstash REST protocol for the Upstash cache tests. Where redis-server is not installed
 * those tests skip and say why; in CI (CI=true) a missing redis-server is an error.
 */
import type { TestProject } from "vitest/node";
import "../upstash-context.ts";
import { redisServerInstalled, startUpstashRest } from "./upstash-rest.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!redisServerInstalled()) {
    const missing = "redis-server is not installed (apt-get install -y redis-server)";
    if (process.env.CI) throw new Error(`CI must run the Upstash Redis tests: ${missing}`);
    project.provide("upstash", { missing });
    return async () => undefined;
  }
  const rest = await startUpstashRest();
  project.provide("upstash", { url: rest.url, token: rest.token });
  return () => rest.stop();
}
