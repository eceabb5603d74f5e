/**
 * The whole Fafnir platform for integration tests: the six real Workers, built from
 * their wrangler configs, running together in workerd through wrangler's test harness,
 * with real service bindings, real D1 (migrated) and real KV.
 */
import { fileURLToPath } from "node:url";
import { createTestHarness, type TestHarness } from "wrangler";
import { COMPATIBILITY_DATE } from "../compatibility-date.ts";
import { generateSigningJwk } from "../signing-key.ts";
import type { AuthRpc } from "../../workers/auth/src/contract.ts";
import type { SecurityRpc } from "../../workers/security/src/contract.ts";
import type { StockRpc } from "../../workers/stock/src/contract.ts";
import type { TradingRpc } from "../../workers/trading/src/contract.ts";
import type { UserRpc } from "../../workers/user/src/contract.ts";
import { gatewayFirst, workerNamed, workers } from "../workers.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface Platform {
  harness: TestHarness;
  /** The gateway, as the internet sees it. */
  fetch: TestHarness["fetch"];
  /** A Worker by its short name (gateway, auth, security, user, stock, trading). */
  worker(name: (typeof workers)[number]["name"]): ReturnType<TestHarness["getWorker"]>;
  /** A service's RPC entrypoint, typed by its contract module: a test's call drifts with it or fails typecheck. */
  rpc<N extends keyof ServiceContracts>(name: N): Promise<ServiceContracts[N]>;
  stop(): Promise<void>;
}

interface ServiceContracts {
  auth: AuthRpc;
  security: SecurityRpc;
  user: UserRpc;
  stock: StockRpc;
  trading: TradingRpc;
}

type WorkerName = (typeof workers)[number]["name"];
type HarnessWorker = NonNullable<Parameters<typeof createTestHarness>[0]>["workers"][number];

export interface PlatformOptions {
  /**
   * More Workers from inline configs (`{ config: { name, main, ... } }`, paths from the
   * repository root), e.g. fault injectors that stand in front of a real service.
   */
  extraWorkers?: HarnessWorker[];
  /** Per Worker: service bindings pointed at another Worker of the harness, by its name. */
  bindingOverrides?: Partial<Record<WorkerName, Record<string, string>>>;
  /** Per Worker: vars over its wrangler.toml's. */
  vars?: Partial<Record<WorkerName, Record<string, string>>>;
  /** Per Worker: secrets (as `wrangler secret put` or .dev.vars would give them), e.g. a provider's API key. */
  secrets?: Partial<Record<WorkerName, Record<string, string>>>;
  /**
   * Every Worker's METRICS binding goes to a recorder Worker (shared/testing/metrics-recorder.ts)
   * whose points `recordedMetrics()` reads back.
   */
  recordMetrics?: boolean;
}

export const METRICS_RECORDER = "metrics-recorder";

/**
 * A Worker named `name` from `main` (a fault injector, see shared/testing/fault-injector.ts)
 * that forwards to the real `service` through its REAL binding.
 */
export function standIn(name: string, main: string, service: string): HarnessWorker {
  return { config: { name, main, compatibility_date: COMPATIBILITY_DATE, services: [{ binding: "REAL", service }] } };
}

/** The armed faults of a stand-in Worker, driven from a test. */
export interface FaultControls {
  /** fault: see shared/testing/fault-injector.ts (default "throw"). */
  arm(method: string, times?: number, fault?: "throw" | "hang" | "malformed"): Promise<void>;
  disarm(): Promise<void>;
}

export async function faultControls(platform: Platform, name: string): Promise<FaultControls> {
  return (await platform.harness.getWorker(name).getExport()) as unknown as FaultControls;
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const signingKey = JSON.stringify(await generateSigningJwk("integration-key"));
  const overridesOf = (name: WorkerName) => {
    const overrides = { ...(options.recordMetrics ? { METRICS: METRICS_RECORDER } : {}), ...options.bindingOverrides?.[name] };
    return Object.keys(overrides).length > 0 ? { bindingOverrides: overrides } : {};
  };
  const recorder: HarnessWorker[] = options.recordMetrics
    ? [{ config: { name: METRICS_RECORDER, main: "shared/testing/metrics-recorder.ts", compatibility_date: COMPATIBILITY_DATE } }]
    : [];
  const harness = createTestHarness({
    root: repoRoot,
    workers: [
      ...gatewayFirst.map((w) => ({
        configPath: w.config,
        vars: { ENVIRONMENT: "test", ...options.vars?.[w.name] },
        ...overridesOf(w.name),
        secrets: { ...(w.name === "auth" ? { JWT_PRIVATE_KEY: signingKey } : {}), ...options.secrets?.[w.name] },
      })),
      ...(options.extraWorkers ?? []),
      ...recorder,
    ],
  });
  await harness.listen();
  for (const w of workers.filter((w) => w.database)) {
    await harness.getWorker(w.scriptName).applyD1Migrations(w.database!);
  }
  return {
    harness,
    fetch: harness.fetch,
    worker: (name) => harness.getWorker(workerNamed(name).scriptName),
    rpc: async <N extends keyof ServiceContracts>(name: N) =>
      (await harness.getWorker(workerNamed(name).scriptName).getExport()) as unknown as ServiceContracts[N],
    stop: () => harness.close(),
  };
}

/** What a recorder Worker holds (startPlatform({ recordMetrics: true })). */
export interface RecordedMetrics {
  points(): Promise<{ indexes: string[]; blobs: string[]; doubles: number[] }[]>;
  clear(): Promise<void>;
}

export async function recordedMetrics(platform: Platform): Promise<RecordedMetrics> {
  return (await platform.harness.getWorker(METRICS_RECORDER).getExport()) as unknown as RecordedMetrics;
}
