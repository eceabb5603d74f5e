import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unstable_readConfig } from "wrangler";
import { describe, expect, it } from "vitest";
import { devConfigText } from "./dev-configs.ts";
import { devMetrics, workers } from "./workers.ts";

const dir = mkdtempSync(join(tmpdir(), "fafnir-dev-configs-"));

/** A config text as wrangler reads it (from a scratch file: the repository stays untouched). */
function read(text: string, name: string) {
  const path = join(dir, `${name}.toml`);
  writeFileSync(path, text);
  return unstable_readConfig({ config: path });
}

/** What a config binds and runs with, path-independent. */
const bindings = (config: ReturnType<typeof read>) => ({
  name: config.name,
  compatibility_date: config.compatibility_date,
  compatibility_flags: config.compatibility_flags,
  vars: config.vars,
  services: config.services,
  d1_databases: config.d1_databases,
  kv_namespaces: config.kv_namespaces,
  ratelimits: config.ratelimits,
  analytics_engine_datasets: config.analytics_engine_datasets,
});

describe.each(workers)("the dev config of $name (npm run dev)", (worker) => {
  const original = readFileSync(worker.config, "utf8");
  const deployed = bindings(read(original, `${worker.name}-original`));
  const dev = bindings(read(devConfigText(original, worker.config), `${worker.name}-dev`));

  it("binds METRICS to the dev metrics Worker instead of the dataset", () => {
    expect(dev.analytics_engine_datasets).toEqual([]);
    expect(dev.services).toContainEqual(expect.objectContaining({ binding: "METRICS", service: devMetrics.scriptName }));
  });

  it("changes nothing else", () => {
    expect({ ...dev, services: dev.services?.filter((s: { binding: string }) => s.binding !== "METRICS"), analytics_engine_datasets: undefined }).toEqual({
      ...deployed,
      analytics_engine_datasets: undefined,
    });
  });
});

describe("deriving a dev config", () => {
  it("fails loudly when the METRICS dataset block is not there as expected", () => {
    const config = readFileSync("workers/stock/wrangler.toml", "utf8");
    expect(() => devConfigText(config.replace('binding = "METRICS"', 'binding = "STATS"'), "stock.toml")).toThrow(/found 0/);
    expect(() => devConfigText(`${config}\n${config}`, "stock.toml")).toThrow(/found 2/);
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
