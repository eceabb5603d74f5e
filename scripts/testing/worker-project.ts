/**
 * The vitest project of one Worker: its tests run inside workerd (through
 * @cloudflare/vitest-plugin) with the bindings of its own wrangler config, and its D1
 * database migrated from migrations/<service>/ before the tests start.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";
import { COMPATIBILITY_DATE } from "../compatibility-date.ts";
import { workerNamed, type WorkerInfo } from "../workers.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Cross-Worker behaviour is tested with the real Workers in the integration project; in
 * a unit project every service binding points here, and any call to it fails at once.
 */
const ABSENT_SERVICE = {
  name: "absent-service",
  modules: true,
  script: `export default { fetch() { return new Response("not running in unit tests", { status: 503 }); } };`,
};

/** A Worker the tests script (a stand-in written as a module's source). */
export interface InlineWorker {
  name: string;
  script: string;
}

export interface WorkerProjectOptions {
  /** Extra bindings for tests (secrets, overrides). */
  bindings?: Record<string, unknown>;
  /** The service bindings of its config. */
  services?: string[];
  /**
   * Service bindings (of `services`) served by a scripted Worker instead of the absent
   * service: for a Worker that cannot be tested without an answer (trading needs prices).
   */
  scripted?: Record<string, InlineWorker>;
}

async function migrationBindings(worker: WorkerInfo): Promise<Record<string, unknown>> {
  if (!worker.database) return {};
  const migrations = await readD1Migrations(`${repoRoot}migrations/${worker.name}`);
  return { TEST_MIGRATIONS: migrations, TEST_D1_BINDING: worker.database };
}

export function workerTestProject(name: WorkerInfo["name"], options: WorkerProjectOptions = {}) {
  const worker = workerNamed(name);
  const services = options.services ?? [];
  const scripted = options.scripted ?? {};
  const absent = services.filter((binding) => !(binding in scripted));
  const inline = Object.values(scripted).map((worker) => ({ name: worker.name, modules: true, compatibilityDate: COMPATIBILITY_DATE, script: worker.script }));
  return defineProject({
    plugins: [
      cloudflareTest(async () => ({
        wrangler: { configPath: `${repoRoot}${worker.config}` },
        remoteBindings: false,
        miniflare: {
          bindings: { ENVIRONMENT: "test", ...(await migrationBindings(worker)), ...options.bindings },
          serviceBindings: Object.fromEntries(services.map((binding) => [binding, scripted[binding]?.name ?? ABSENT_SERVICE.name])),
          workers: [...(absent.length ? [ABSENT_SERVICE] : []), ...inline],
        },
      })),
    ],
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      // Those run from Node (vitest.config.ts: the node and load projects).
      exclude: ["test/**/*.integration.test.ts", "test/**/*.node.test.ts", "test/**/*.load.test.ts"],
      setupFiles: worker.database ? [`${repoRoot}shared/testing/apply-migrations.ts`] : [],
    },
  });
}
