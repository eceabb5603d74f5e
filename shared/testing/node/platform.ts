/**
 * The whole Fafnir platform for integration tests: the five real Workers, built from
 * their wrangler configs, running together in workerd through wrangler's test harness,
 * with real service bindings, real D1 (migrated) and real KV.
 */
import { fileURLToPath } from "node:url";
import { createTestHarness, type TestHarness } from "wrangler";
import { generateSigningJwk } from "../../../scripts/signing-key.ts";
import { workers } from "../../../scripts/workers.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface Platform {
  harness: TestHarness;
  /** The gateway, as the internet sees it. */
  fetch: TestHarness["fetch"];
  /** A Worker by its short name (gateway, auth, security, user, stock). */
  worker(name: (typeof workers)[number]["name"]): ReturnType<TestHarness["getWorker"]>;
  stop(): Promise<void>;
}

type WorkerName = (typeof workers)[number]["name"];

export interface PlatformOptions {
  /** Extra vars per Worker, over its wrangler.toml and ENVIRONMENT=test. */
  vars?: Partial<Record<WorkerName, Record<string, string>>>;
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const signingKey = JSON.stringify(await generateSigningJwk("integration-key"));
  const gatewayFirst = [...workers].sort((a, b) => Number(b.name === "gateway") - Number(a.name === "gateway"));
  const harness = createTestHarness({
    root: repoRoot,
    workers: gatewayFirst.map((w) => ({
      configPath: w.config,
      vars: { ENVIRONMENT: "test", ...options.vars?.[w.name] },
      ...(w.name === "auth" ? { secrets: { JWT_PRIVATE_KEY: signingKey } } : {}),
    })),
  });
  await harness.listen();
  const scriptName = (name: string) => workers.find((w) => w.name === name)!.scriptName;
  for (const w of workers.filter((w) => w.database)) {
    await harness.getWorker(w.scriptName).applyD1Migrations(w.database!);
  }
  return {
    harness,
    fetch: harness.fetch,
    worker: (name) => harness.getWorker(scriptName(name)),
    stop: () => harness.close(),
  };
}
