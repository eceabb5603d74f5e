/** The gateway logs one "rpc" line per call to an internal service, stamped with the request id. */
import type { Platform } from "../../../../scripts/testing/platform.ts";

/** "service.method" -> how many times the gateway called it for this request id. */
export function rpcCalls(platform: Platform, requestId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const log of platform.harness.getLogs()) {
    let line: { message?: string; requestId?: string; service?: string; method?: string } | undefined;
    try {
      line = JSON.parse(log.message) as typeof line;
    } catch {
      continue;
    }
    if (line?.message !== "rpc" || line.requestId !== requestId) continue;
    const key = `${line.service}.${line.method}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
