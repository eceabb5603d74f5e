import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unstable_readConfig } from "wrangler";
import { afterAll, describe, expect, it } from "vitest";
import { RATE_LIMIT_PERIOD_SECONDS } from "../workers/gateway/src/hardening/rate-limit-periods.generated.ts";
import { tokenClaimMismatches } from "./auth-gateway-settings.ts";
import { COMPATIBILITY_DATE, wranglerConfigs } from "./compatibility-date.ts";
import { workerNamed, workers } from "./workers.ts";

const INTERNAL = ["security", "user", "stock"];

describe.each(workers.filter((w) => INTERNAL.includes(w.name)))("internal Worker $name", (worker) => {
  const config = unstable_readConfig({ config: worker.config });

  it("has no workers.dev address and no preview URLs", () => {
    expect(config.workers_dev).toBe(false);
    expect(config.preview_urls).toBe(false);
  });

  it("has no routes or custom domains", () => {
    expect(config.route).toBeUndefined();
    expect(config.routes ?? []).toEqual([]);
  });
});

describe.each(workers)("Worker $name", (worker) => {
  const config = unstable_readConfig({ config: worker.config });

  it("is named as the deploy scripts expect", () => {
    expect(config.name).toBe(worker.scriptName);
  });

  it("ships minified, with logs and sampled traces on", () => {
    expect(config.minify).toBe(true);
    expect(config.observability?.enabled).toBe(true);
    expect(config.observability?.logs?.enabled).toBe(true);
    expect(config.observability?.traces).toMatchObject({ enabled: true, head_sampling_rate: expect.any(Number) });
  });

  // The same for all five: shared code, and its tests (shared/vitest.config.ts), run on them.
  it("has the nodejs_compat flag alone", () => {
    expect(config.compatibility_flags).toEqual(["nodejs_compat"]);
  });

  it("binds the Analytics Engine dataset", () => {
    expect(config.analytics_engine_datasets.map((d: { binding: string }) => d.binding)).toContain("METRICS");
  });
});

describe.each(wranglerConfigs())("%s", (path) => {
  it("runs on the one compatibility date (npm run types writes it)", () => {
    expect(unstable_readConfig({ config: path }).compatibility_date).toBe(COMPATIBILITY_DATE);
  });
});

describe("the gateway", () => {
  it("answers Retry-After with its [[ratelimits]] periods (npm run types generates them)", () => {
    const limiters = unstable_readConfig({ config: workerNamed("gateway").config }).ratelimits as { name: string; simple: { period: number } }[];
    expect(RATE_LIMIT_PERIOD_SECONDS).toEqual(Object.fromEntries(limiters.map((limiter) => [limiter.name, limiter.simple.period])));
  });
});

describe.each(workers.filter((w) => w.database))("Worker $name", (worker) => {
  it("owns a D1 database migrated from migrations/<service>/", () => {
    const config = unstable_readConfig({ config: worker.config });
    expect(config.d1_databases).toEqual([
      expect.objectContaining({ binding: worker.database, database_name: `fafnir-${worker.name}`, migrations_dir: `../../migrations/${worker.name}` }),
    ]);
  });
});

describe("auth and the gateway", () => {
  it("state the same JWT issuer and audience", () => {
    expect(tokenClaimMismatches()).toEqual([]);
  });

  const dir = mkdtempSync(join(tmpdir(), "fafnir-configs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const configWith = (file: string, vars: string) => {
    writeFileSync(join(dir, file), `name = "${file.replace(".toml", "")}"\n[vars]\n${vars}\n`);
    return join(dir, file);
  };

  it("are told apart when the audience differs or the issuer is missing", () => {
    const auth = configWith("auth.toml", 'JWT_AUDIENCE = "fafnir-api"');
    const gateway = configWith("gateway.toml", 'JWT_AUDIENCE = "fafnir"');
    expect(tokenClaimMismatches({ auth, gateway })).toEqual([
      `JWT_ISSUER: undefined in ${gateway}, undefined in ${auth}`,
      `JWT_AUDIENCE: "fafnir" in ${gateway}, "fafnir-api" in ${auth}`,
    ]);
  });
});
