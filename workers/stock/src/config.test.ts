import { describe, expect, it } from "vitest";
import { loadStockConfig } from "./config";

const base = { ENVIRONMENT: "test" };

describe("stock config", () => {
  it("defaults to the simulated provider, a 30 s freshness window and the KV cache", () => {
    const config = loadStockConfig({ ...base });
    expect(config.QUOTE_PROVIDERS).toEqual(["simulated"]);
    expect(config.QUOTE_FRESHNESS_SECONDS).toBe(30);
    expect(config.UPSTASH_REDIS_REST_URL).toBeUndefined();
  });

  it("reads a provider list and a freshness given as text", () => {
    const config = loadStockConfig({ ...base, QUOTE_PROVIDERS: " FMP, yahoo ,simulated", QUOTE_FRESHNESS_SECONDS: "15", FMP_API_KEY: "k" });
    expect(config.QUOTE_PROVIDERS).toEqual(["fmp", "yahoo", "simulated"]);
    expect(config.QUOTE_FRESHNESS_SECONDS).toBe(15);
  });

  it("says fmp needs its key", () => {
    expect(() => loadStockConfig({ ...base, QUOTE_PROVIDERS: "fmp,simulated" })).toThrow(/FMP_API_KEY/);
  });

  it("refuses unknown providers, a bad freshness and half an Upstash configuration", () => {
    expect(() => loadStockConfig({ ...base, QUOTE_PROVIDERS: "bloomberg" })).toThrow(/QUOTE_PROVIDERS/);
    expect(() => loadStockConfig({ ...base, QUOTE_PROVIDERS: "" })).toThrow(/QUOTE_PROVIDERS/);
    expect(() => loadStockConfig({ ...base, QUOTE_FRESHNESS_SECONDS: "0" })).toThrow(/QUOTE_FRESHNESS_SECONDS/);
    expect(() => loadStockConfig({ ...base, UPSTASH_REDIS_REST_URL: "https://example.upstash.io" })).toThrow(/UPSTASH_REDIS_REST_TOKEN/);
  });
});
