/**
 * The trading Worker's queue and cron handlers and its leaderboard read, as the RPC door
 * (index.ts) delegates to them: each builds its own logger, metrics and stock calls, since
 * no RPC call (observeRpc) carries them here.
 */
import { openDb } from "../../../../shared/d1";
import { createLogger, type Logger } from "../../../../shared/logger";
import { createMetrics } from "../../../../shared/metrics";
import { callRpc } from "../../../../shared/rpc-client";
import type { LeaderboardRow } from "../contract";
import { consumeEvents } from "./consumer";
import { leaderboardTop, quotePrices, refreshLeaderboard, type PriceSource } from "./leaderboard";
import { loadEventsConfig } from "./settings";

const logLevel = (env: TradingEnv) => (["debug", "info", "warn", "error"].includes(env.LOG_LEVEL) ? (env.LOG_LEVEL as "info") : "info");

const loggerFor = (env: TradingEnv, requestId: string): Logger => createLogger({ service: "trading", requestId, level: logLevel(env) });

/** Current prices from the stock service, through callRpc like every call out. */
function stockPrices(env: TradingEnv, log: Logger, requestId: string, waitUntil: (work: Promise<unknown>) => void): PriceSource {
  const caller = { metrics: createMetrics(env.METRICS, "trading", waitUntil), log, timeoutMs: loadEventsConfig(env).RPC_TIMEOUT_MS };
  return quotePrices(async (symbols) => {
    const answer = await callRpc(caller, "stock", "quotes", () => env.STOCK.quotes({ requestId }, symbols));
    if (!answer.ok) throw new Error(`stock.quotes: ${answer.error.message}`);
    return answer.value;
  });
}

export async function handleEvents(batch: MessageBatch<unknown>, env: TradingEnv): Promise<void> {
  const log = loggerFor(env, `queue:${batch.queue}`);
  await consumeEvents(batch, { db: openDb(env.TRADING_DB), log, settings: loadEventsConfig(env), now: () => new Date() });
}

/** The cron (every minute): the leaderboard at current quotes. A throw marks the run failed. */
export async function handleCron(env: TradingEnv, scheduledTime: number, waitUntil: (work: Promise<unknown>) => void): Promise<void> {
  const requestId = `cron:${new Date(scheduledTime).toISOString()}`;
  const log = loggerFor(env, requestId);
  const ranked = await refreshLeaderboard(openDb(env.TRADING_DB), stockPrices(env, log, requestId, waitUntil), new Date());
  log.info("leaderboard refreshed", { ranked });
}

export function leaderboardRows(env: TradingEnv, first: number, log: Logger, requestId: string, waitUntil: (work: Promise<unknown>) => void): Promise<LeaderboardRow[]> {
  const prices = stockPrices(env, log, requestId, waitUntil);
  return leaderboardTop(openDb(env.TRADING_DB), first, prices, new Date(), (error) => log.warn("leaderboard served stale: refresh failed", { error }));
}
