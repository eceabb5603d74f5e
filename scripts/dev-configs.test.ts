import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unstable_readConfig } from "wrangler";
import { describe, expect, it } from "vitest";
import { devConfig, devConfigPath, devConfigText, readRawConfig } from "./dev-configs.ts";
import { devMetrics, workers } from "./workers.ts";

const dir = mkdtempSync(join(tmpdir(), "fafnir-dev-configs-"));

/** A dev config text as wrangler reads it (from a scratch file: the repository stays untouched). */
function readDev(text: string, name: string) {
  const path = join(dir, `${name}.jsonc`);
  writeFileSync(path, text);
  return unstable_readConfig({ config: path });
}

/** What a config binds and runs with, path-independent. */
const bindings = (config: ReturnType<typeof unstable_readConfig>) => ({
  name: config.name,
  compatibility_date: config.compatibility_date,
  compatibility_flags: config.compatibility_flags,
  vars: config.vars,
  services: config.services,
  d1_databases: config.d1_databases,
  kv_namespaces: config.kv_namespaces,
  ratelimits: config.ratelimits,
  analytics_engine_datasets: config.analytics_engine_datasets,
  observability: config.observability,
});

describe.each(workers)("the dev config of $name (npm run dev)", (worker) => {
  const deployed = bindings(unstable_readConfig({ config: worker.config }));
  const dev = bindings(readDev(devConfigText(worker.config), worker.name));

  it("binds METRICS to the dev metrics Worker instead of the dataset", () => {
    expect(deployed.analytics_engine_datasets).toContainEqual(expect.objectContaining({ binding: "METRICS" }));
    expect(dev.analytics_engine_datasets).toEqual([]);
    expect(dev.services).toContainEqual(expect.objectContaining({ binding: "METRICS", service: devMetrics.scriptName }));
  });

  it("changes nothing else, paths included (it sits beside the original, git-ignored)", () => {
    expect({ ...dev, services: dev.services?.filter((s: { binding: string }) => s.binding !== "METRICS"), analytics_engine_datasets: undefined }).toEqual({
      ...deployed,
      analytics_engine_datasets: undefined,
    });
    const { services, analytics_engine_datasets, ...rest } = devConfig(readRawConfig(worker.config), worker.config);
    const { services: deployedServices, analytics_engine_datasets: _dataset, ...deployedRest } = readRawConfig(worker.config);
    expect(rest).toEqual(deployedRest);
    expect({ services, analytics_engine_datasets }).toEqual({
      services: [...(deployedServices ?? []), { binding: "METRICS", service: devMetrics.scriptName }],
      analytics_engine_datasets: [],
    });
    expect(dirname(devConfigPath(worker.config))).toBe(dirname(worker.config));
    expect(execFileSync("git", ["check-ignore", devConfigPath(worker.config)], { encoding: "utf8" }).trim()).toBe(devConfigPath(worker.config));
  });
});

describe("deriving a dev config", () => {
  it("fails loudly unless exactly one dataset binds METRICS", () => {
    const config = readRawConfig("workers/stock/wrangler.toml");
    const metrics = { binding: "METRICS", dataset: "fafnir_metrics" };
    expect(() => devConfig({ ...config, analytics_engine_datasets: [{ ...metrics, binding: "STATS" }] }, "stock")).toThrow(/found 0/);
    expect(() => devConfig({ ...config, analytics_engine_datasets: [metrics, metrics] }, "stock")).toThrow(/found 2/);
  });
});

describe("the dev metrics Worker", () => {
  const config = unstable_readConfig({ config: devMetrics.config });

  it("is private and not one of the deployed Workers", () => {
    expect(config.name).toBe(devMetrics.scriptName);
    expect(config.workers_dev).toBe(false);
    expect(config.preview_urls).toBe(false);
    expect(config.routes ?? []).toEqual([]);
    expect(workers.map((w) => w.scriptName)).not.toContain(devMetrics.scriptName);
  });
});
