/**
 * Loads the local seed of ../shared/contract/seed.md into the local databases. Idempotent:
 * rows that exist are left as they are. Never run against a remote database.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedInstruments } from "../workers/stock/src/seed/instruments.ts";
import { run } from "./run.ts";
import { DEV_STATE_DIR } from "./workers.ts";

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

export function instrumentSeedSql(refreshedAt: string): string {
  const rows = seedInstruments.map((i) =>
    [i.symbol, i.name, i.exchange, i.exchangeFullName, i.currency, i.instrumentType, refreshedAt].map(quote).join(", "),
  );
  return (
    "INSERT INTO instruments (symbol, name, exchange, exchange_full_name, currency, instrument_type, refreshed_at) VALUES\n" +
    rows.map((r) => `  (${r})`).join(",\n") +
    "\nON CONFLICT (symbol) DO NOTHING;\n"
  );
}

export async function seedLocal(persistTo = DEV_STATE_DIR): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), "fafnir-seed-")), "instruments.sql");
  writeFileSync(file, instrumentSeedSql(new Date().toISOString()));
  await run("wrangler", ["d1", "execute", "STOCK_DB", "--local", "--persist-to", persistTo, "-c", "workers/stock/wrangler.toml", "--file", file]);
  console.log(`seed applied: ${seedInstruments.length} instruments (rows already there are left as they are)`);
}

if (import.meta.main) await seedLocal();
