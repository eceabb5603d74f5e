/** The six Workers, in deploy order: callees before their callers. */
export interface WorkerInfo {
  /** Folder name under workers/ and the short name used in logs and health. */
  name: "security" | "user" | "stock" | "trading" | "auth" | "gateway";
  /** Worker name on Cloudflare (wrangler.toml `name`). */
  scriptName: string;
  /** Its wrangler config, from the repository root. */
  config: string;
  /** The Workers it binds, for typed RPC in `wrangler types`. */
  binds: WorkerInfo["name"][];
  /** Binding of the D1 database it owns, migrated from migrations/<name>/. */
  database?: string;
  /** Gzip bundle budget in KiB. */
  budgetKiB: number;
}

export const workers: WorkerInfo[] = [
  { name: "security", scriptName: "fafnir-security", config: "workers/security/wrangler.toml", binds: [], database: "SECURITY_DB", budgetKiB: 100 },
  { name: "user", scriptName: "fafnir-user", config: "workers/user/wrangler.toml", binds: [], database: "USER_DB", budgetKiB: 100 },
  { name: "stock", scriptName: "fafnir-stock", config: "workers/stock/wrangler.toml", binds: [], database: "STOCK_DB", budgetKiB: 100 },
  { name: "trading", scriptName: "fafnir-trading", config: "workers/trading/wrangler.toml", binds: ["stock"], database: "TRADING_DB", budgetKiB: 100 },
  { name: "auth", scriptName: "fafnir-auth", config: "workers/auth/wrangler.toml", binds: ["security", "user", "trading"], database: "AUTH_DB", budgetKiB: 100 },
  // The root config, so that `npx wrangler dev` at the root serves the public endpoint.
  { name: "gateway", scriptName: "fafnir-gateway", config: "wrangler.toml", binds: ["auth", "security", "user", "stock", "trading"], budgetKiB: 200 },
];

export const workerNamed = (name: WorkerInfo["name"]): WorkerInfo => workers.find((w) => w.name === name)!;

/**
 * The same Workers, the gateway first: `wrangler dev` and the test harness serve the first
 * config's Worker at their address, and the gateway is the platform's.
 */
export const gatewayFirst: WorkerInfo[] = [workerNamed("gateway"), ...workers.filter((w) => w.name !== "gateway")];

/**
 * The dev-only Worker that keeps a dev session's data points (scripts/dev-metrics): not
 * one of the five, never deployed.
 */
export const devMetrics = { scriptName: "fafnir-dev-metrics", config: "scripts/dev-metrics/wrangler.toml" } as const;
