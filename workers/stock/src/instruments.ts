/**
 * Instrument metadata: stored in D1, asked from the provider chain when unknown, and
 * refreshed in the background (after the answer) once older than seven days.
 */
import type { Logger } from "../../../shared/logger";
import type { Database } from "./db/database";
import { readInstruments, upsertInstruments } from "./db/queries";
import type { ProviderChain } from "./providers/chain";
import type { Instrument } from "./types";

export const METADATA_MAX_AGE_MS = 7 * 86_400_000;

export interface InstrumentDeps {
  chain: ProviderChain;
  db: Database;
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
  const unknown = symbols.filter((s) => !(s in found));
  if (unknown.length > 0) Object.assign(found, Object.fromEntries(await fetchAndStore(deps, unknown, now, log)));
  if (outdated.length > 0) {
    deps.waitUntil(
      fetchAndStore(deps, outdated, now, log).catch((error: unknown) => log.warn("instrument refresh failed", { symbols: outdated, error })),
    );
  }
  return found;
}

async function fetchAndStore(deps: InstrumentDeps, symbols: string[], now: Date, log: Logger): Promise<Map<string, Instrument>> {
  const fetched = await deps.chain.instruments(symbols, log);
  if (fetched.size > 0) await deps.db.batch([upsertInstruments([...fetched.values()], now.toISOString())]);
  return fetched;
}
