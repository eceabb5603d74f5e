/**
 * The trading Worker's settings, validated when it starts (shared/config.ts): a broken one
 * fails with a message naming it.
 */
import * as v from "valibot";
import { BaseConfig, configLoader } from "../../../shared/config";
import { CASH_SCALE, parseDecimal } from "../../../shared/decimal";
import { RpcTimeoutConfig } from "../../../shared/rpc-client";

/** 10,000,000.00, the most cash an account may hold (trading.md "The account"). */
const MAX_STARTING_CENTS = 1_000_000_000n;

const StartingCash = v.pipe(
  v.string("must be decimal text such as 100000.00"),
  v.trim(),
  v.check((text) => {
    const cents = parseDecimal(text, CASH_SCALE);
    return cents !== null && cents > 0n && cents <= MAX_STARTING_CENTS;
  }, "must be an amount above 0 and at most 10000000.00, with at most 2 decimals, e.g. 100000.00"),
  v.transform((text) => parseDecimal(text, CASH_SCALE)!),
);

const TradingHours = v.picklist(["always", "exchange"], "must be always or exchange");

const TradingConfig = v.pipe(
  v.object({
    ...BaseConfig,
    ...RpcTimeoutConfig,
    /** trading.md "Trading hours"; when unset, `exchange` in production and `always` elsewhere. */
    TRADING_HOURS: v.optional(TradingHours),
    /** Cash of a new or reset account. */
    STARTING_CASH: v.optional(StartingCash, "100000.00"),
  }),
  v.transform((config) => ({ ...config, TRADING_HOURS: config.TRADING_HOURS ?? (config.ENVIRONMENT === "production" ? "exchange" : "always") })),
);

export type TradingConfig = v.InferOutput<typeof TradingConfig>;

export const loadTradingConfig = configLoader("trading", TradingConfig);
