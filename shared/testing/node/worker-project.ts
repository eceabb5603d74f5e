/**
 * The vitest project of one Worker: its tests run inside workerd (through
 * @cloudflare/vitest-plugin) with the bindings of its own wrangler config, and its D1
 * database migrated from migrations/<service>/ before the tests start.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface WorkerProjectOptions {
  name: string;
  /** Wrangler config, relative to the repo root. */
  config: string;
  /** Whether migrations/<name>/ is applied to the DB binding first. */
  database: boolean;
  /** Extra bindings for tests (secrets, overrides). */
  bindings?: Record<string, unknown>;
  /** Service bindings of the config: a unit project runs one Worker, so they fail loudly. */
  services?: string[];
}

/**
 * Cross-Worker behaviour is tested with the real Workers in the integration project; in
 * a unit project every service binding points here, and any call to it fails at once.
 */
const ABSENT_SERVICE = {
  name: "absent-service",
  modules: true,
  script: `export default { fetch() { return new Response("not running in unit tests", { status: 503 }); } };`,
};

export function workerTestProject(options: WorkerProjectOptions) {
  return defineProject({
    plugins: [
      cloudflareTest(async () => ({
        wrangler: { configPath: `${repoRoot}${options.config}` },
        remoteBindings: false,
        miniflare: {
          bindings: {
            ENVIRONMENT: "test",
            ...(options.database ? { TEST_MIGRATIONS: await readD1Migrations(`${repoRoot}migrations/${options.name}`) } : {}),
            ...options.bindings,
          },
          serviceBindings: Object.fromEntries((options.services ?? []).map((b) => [b, ABSENT_SERVICE.name])),
          workers: options.services?.length ? [ABSENT_SERVICE] : [],
        },
      })),
    ],
    test: {
      name: options.name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      exclude: ["test/**/*.integration.test.ts"],
      setupFiles: options.database ? [`${repoRoot}shared/testing/apply-migrations.ts`] : [],
    },
  });
}
