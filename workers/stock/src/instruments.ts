/**
 * Instrument metadata: stored in D1, asked from the provider chain when unknown, and
 * refreshed in the background (after the answer) once older than seven days. Symbols no
 * provider knows are remembered in the cache for an hour, so made-up symbols do not
 * reach the providers on every request.
 */
import type { Db } from "../../../shared/d1";
import type { Logger } from "../../../shared/logger";
import { UNKNOWN_SYMBOL_TTL_SECONDS, unknownSymbolKey, type CacheStore } from "./cache/quote-cache";
import { readInstruments, upsertInstruments } from "./db/queries";
import type { ProviderChain } from "./providers/chain";
import type { Instrument } from "./contract";

export const METADATA_MAX_AGE_MS = 7 * 86_400_000;

export interface InstrumentDeps {
  chain: ProviderChain;
  cache: CacheStore;
  db: Db;
  now: () => Date;
  /** Keeps background work alive after the answer (ExecutionContext.waitUntil). */
  waitUntil: (work: Promise<unknown>) => void;
}

export async function getInstruments(deps: InstrumentDeps, symbols: string[], log: Logger): Promise<Record<string, Instrument>> {
  const now = deps.now();
  const rows = await readInstruments(deps.db, symbols);
  const found: Record<string, Instrument> = {};
  const outdated: string[] = [];
  for (const { refreshedAt, ...instrument } of rows) {
    found[instrument.symbol] = instrument;
    if (now.getTime() - Date.parse(refreshedAt) > METADATA_MAX_AGE_MS) outdated.push(instrument.symbol);
  }
  const missing = symbols.filter((s) => !(s in found));
  if (missing.length > 0) Object.assign(found, Object.fromEntries(await lookUp(deps, missing, now, log)));
  if (outdated.length > 0) {
    deps.waitUntil(
      fetchAndStore(deps, outdated, now, log).catch((error: unknown) => log.warn("instrument refresh failed", { symbols: outdated, error })),
    );
  }
  return found;
}

/** Asks the providers about symbols not stored, except those recently found unknown. */
async function lookUp(deps: InstrumentDeps, symbols: string[], now: Date, log: Logger): Promise<Map<string, Instrument>> {
  const remembered = await deps.cache.getMany(symbols.map(unknownSymbolKey)).catch((error: unknown) => {
    log.warn("unknown-symbol cache read failed", { error });
    return new Map<string, unknown>();
  });
  const toAsk = symbols.filter((s) => !remembered.has(unknownSymbolKey(s)));
  if (toAsk.length === 0) return new Map();
  const { found, unknown } = await fetchAndStore(deps, toAsk, now, log);
  if (unknown.length > 0) {
    const entries = unknown.map((symbol) => ({ key: unknownSymbolKey(symbol), value: { unknownSince: now.toISOString() } }));
    await deps.cache.putMany(entries, UNKNOWN_SYMBOL_TTL_SECONDS).catch((error: unknown) => log.warn("unknown-symbol cache write failed", { error }));
  }
  return found;
}

async function fetchAndStore(deps: InstrumentDeps, symbols: string[], now: Date, log: Logger) {
  const lookup = await deps.chain.instruments(symbols, log);
  if (lookup.found.size > 0) await upsertInstruments(deps.db, [...lookup.found.values()], now.toISOString());
  return lookup;
}
