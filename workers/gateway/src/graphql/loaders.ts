/**
 * Per-request DataLoaders over the services' batch RPCs: however many fields ask for
 * instruments, quotes, profiles, ... in one request, each kind costs one call per tick.
 */
import DataLoader from "dataloader";
import type { Account } from "../../../auth/src/contract";
import type { Access } from "../../../security/src/contract";
import type { Candle, HistoryPeriod, Instrument, Quote } from "../../../stock/src/contract";
import type { Overview, Profile } from "../../../user/src/contract";
import type { RpcResult } from "../../../../shared/rpc";
import { parseSymbol } from "../../../../shared/symbols";
import type { GatewayContext } from "./context";
import { callMeta, callService, unwrap, type ServiceName } from "./services";

/** The most ids one batch RPC takes (a full watchlist). */
const MAX_BATCH = 100;

type Batch<T> = (meta: { requestId: string }, keys: string[]) => Promise<RpcResult<Record<string, T>>>;

/** `sendable` picks the keys the service takes; any other key answers null without being sent. */
function batchLoader<T>(ctx: GatewayContext, service: ServiceName, method: string, fetchBatch: Batch<T>, sendable = (_key: string) => true) {
  return new DataLoader<string, T | null>(
    async (keys) => {
      const sent = keys.filter(sendable);
      const found = sent.length ? unwrap(await callService(ctx, service, method, () => fetchBatch(callMeta(ctx), sent))) : {};
      return keys.map((key) => found[key] ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/**
 * The stock service refuses a whole batch for one malformed symbol, so only symbols by
 * the shared rule are sent: arguments are checked before they get here, but a key can
 * also come from stored data (a watchlist row), and one such key must not fail the
 * symbols batched with it. A malformed symbol is unknown to every provider: null.
 */
function symbolLoader<T>(ctx: GatewayContext, method: string, fetchBatch: Batch<T>) {
  return batchLoader(ctx, "stock", method, fetchBatch, (symbol) => parseSymbol(symbol) === symbol);
}

export function createLoaders(ctx: GatewayContext) {
  const { env } = ctx;
  const histories = new Map<HistoryPeriod, DataLoader<string, Candle[] | null>>();
  let overview: Promise<Overview> | undefined;
  return {
    /** The caller's profile and watchlist in one call, however many fields need them. */
    overview(userId: string): Promise<Overview> {
      overview ??= callService(ctx, "user", "overview", () => env.USER.overview(callMeta(ctx), userId)).then(unwrap);
      return overview;
    },
    accounts: batchLoader<Account>(ctx, "auth", "accounts", (meta, ids) => env.AUTH.accounts(meta, ids)),
    access: batchLoader<Access>(ctx, "security", "access", (meta, ids) => env.SECURITY.access(meta, ids)),
    profiles: batchLoader<Profile>(ctx, "user", "profiles", (meta, ids) => env.USER.profiles(meta, ids)),
    instruments: symbolLoader<Instrument>(ctx, "instruments", (meta, symbols) => env.STOCK.instruments(meta, symbols)),
    quotes: symbolLoader<Quote>(ctx, "quotes", (meta, symbols) => env.STOCK.quotes(meta, symbols)),
    history(period: HistoryPeriod) {
      let loader = histories.get(period);
      if (!loader) {
        loader = symbolLoader<Candle[]>(ctx, "history", (meta, symbols) => env.STOCK.history(meta, symbols, period));
        histories.set(period, loader);
      }
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** loadMany answers errors in place; a failed batch fails the field as a whole. */
export function rethrowFirst<T>(results: (T | Error)[]): T[] {
  const error = results.find((r): r is Error => r instanceof Error);
  if (error) throw error;
  return results as T[];
}
