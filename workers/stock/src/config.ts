import * as v from "valibot";
import { BaseConfig, configLoader } from "../../../shared/config";

export const PROVIDER_NAMES = ["simulated", "yahoo", "fmp"] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** Plain vars arrive as strings from .dev.vars and as numbers from wrangler.toml. */
const PositiveInteger = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.trim(), v.decimal(), v.transform(Number))]),
  v.integer(),
  v.minValue(1),
);

const OptionalSecret = v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty()));

const ProviderList = v.pipe(
  v.string(),
  v.transform((list) => list.split(",").map((name) => name.trim().toLowerCase()).filter(Boolean)),
  v.array(v.picklist(PROVIDER_NAMES, `must list providers among ${PROVIDER_NAMES.join(", ")}`)),
  v.minLength(1, "must name at least one provider"),
  v.check((names) => new Set(names).size === names.length, "lists a provider twice"),
);

const StockConfig = v.pipe(
  v.object({
    ...BaseConfig,
    /** Providers tried in order, e.g. "fmp,yahoo,simulated". */
    QUOTE_PROVIDERS: v.optional(ProviderList, "simulated"),
    /** How long a cached quote is served without asking a provider. */
    QUOTE_FRESHNESS_SECONDS: v.optional(PositiveInteger, 30),
    /** Per-call timeout of a network provider. */
    PROVIDER_TIMEOUT_MS: v.optional(PositiveInteger, 3_000),
    FMP_API_KEY: OptionalSecret,
    UPSTASH_REDIS_REST_URL: v.optional(v.pipe(v.string(), v.trim(), v.url())),
    UPSTASH_REDIS_REST_TOKEN: OptionalSecret,
  }),
  v.forward(
    v.check((c) => !c.QUOTE_PROVIDERS.includes("fmp") || c.FMP_API_KEY !== undefined, "QUOTE_PROVIDERS lists fmp, so the FMP_API_KEY secret is required"),
    ["FMP_API_KEY"],
  ),
  v.forward(
    v.check(
      (c) => (c.UPSTASH_REDIS_REST_URL === undefined) === (c.UPSTASH_REDIS_REST_TOKEN === undefined),
      "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN are set together or not at all",
    ),
    ["UPSTASH_REDIS_REST_TOKEN"],
  ),
);

export type StockConfig = v.InferOutput<typeof StockConfig>;

export const loadStockConfig = configLoader("stock", StockConfig);
