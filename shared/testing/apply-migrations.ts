/** Vitest setup inside workerd: migrates the Worker's real D1 database before its tests. */
import { applyD1Migrations, type D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";

const testEnv = env as unknown as Record<string, unknown> & { TEST_D1_BINDING: string; TEST_MIGRATIONS: D1Migration[] };
await applyD1Migrations(testEnv[testEnv.TEST_D1_BINDING] as D1Database, testEnv.TEST_MIGRATIONS);
