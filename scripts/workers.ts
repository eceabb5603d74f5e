/** The five Workers, in deploy order: callees before their callers. */
export interface WorkerInfo {
  /** Folder name under workers/ and the short name used in logs and health. */
  name: "security" | "user" | "stock" | "auth" | "gateway";
  /** Worker name on Cloudflare (wrangler.toml `name`). */
  scriptName: string;
  config: string;
  /** Configs of the Workers it binds, for typed RPC in `wrangler types`. */
  binds: string[];
  /** Binding of the D1 database it owns, migrated from migrations/<name>/. */
  database?: string;
  /** Gzip bundle budget in KiB. */
  budgetKiB: number;
}

const configOf = (name: WorkerInfo["name"]) => (name === "gateway" ? "wrangler.toml" : `workers/${name}/wrangler.toml`);

export const workers: WorkerInfo[] = [
  { name: "security", scriptName: "fafnir-security", config: configOf("security"), binds: [], database: "SECURITY_DB", budgetKiB: 100 },
  { name: "user", scriptName: "fafnir-user", config: configOf("user"), binds: [], database: "USER_DB", budgetKiB: 100 },
  { name: "stock", scriptName: "fafnir-stock", config: configOf("stock"), binds: [], database: "STOCK_DB", budgetKiB: 100 },
  {
    name: "auth",
    scriptName: "fafnir-auth",
    config: configOf("auth"),
    binds: [configOf("security"), configOf("user")],
    database: "AUTH_DB",
    budgetKiB: 100,
  },
  {
    name: "gateway",
    scriptName: "fafnir-gateway",
    config: configOf("gateway"),
    binds: [configOf("auth"), configOf("security"), configOf("user"), configOf("stock")],
    budgetKiB: 200,
  },
];

/**
 * The dev-only Worker that keeps a dev session's data points (scripts/dev-metrics): not
 * one of the five, never deployed.
 */
export const devMetrics = { scriptName: "fafnir-dev-metrics", config: "scripts/dev-metrics/wrangler.toml" } as const;
