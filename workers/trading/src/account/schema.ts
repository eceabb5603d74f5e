/**
 * The account's tables. STRICT, so a value of the wrong type is an error instead of an
 * affinity conversion; money, prices and quantities are scaled INTEGERs (sql.ts); the
 * CHECKs are the last line of defence behind the ledger's own checks (SPIKE.md 2).
 */
export const SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS account (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    cash INTEGER NOT NULL CHECK (cash >= 0),
    net_deposits INTEGER NOT NULL,
    realized_pnl INTEGER NOT NULL,
    on_leaderboard INTEGER NOT NULL CHECK (on_leaderboard IN (0, 1)),
    created_at TEXT NOT NULL,
    reset_at TEXT,
    version INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE IF NOT EXISTS orders (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    client_order_id TEXT UNIQUE,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL,
    type TEXT NOT NULL,
    time_in_force TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    limit_price INTEGER,
    stop_price INTEGER,
    status TEXT NOT NULL,
    reason TEXT,
    reserved INTEGER NOT NULL CHECK (reserved >= 0),
    fill_price INTEGER,
    cash_amount INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    filled_at TEXT,
    triggered_at TEXT,
    expires_at INTEGER,
    -- 1 once the symbol book took the open order (the alarm hands it over again until then).
    tracked INTEGER NOT NULL DEFAULT 0 CHECK (tracked IN (0, 1))
  ) STRICT`,
  // The cursor pages (newest first, optionally by status) and the open-order sums.
  "CREATE INDEX IF NOT EXISTS orders_by_status ON orders (status, seq)",
  "CREATE INDEX IF NOT EXISTS orders_open_expiry ON orders (expires_at) WHERE status = 'OPEN'",
  `CREATE TABLE IF NOT EXISTS activity (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    amount INTEGER NOT NULL,
    cash_after INTEGER NOT NULL CHECK (cash_after >= 0),
    order_id TEXT,
    at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE IF NOT EXISTS positions (
    symbol TEXT PRIMARY KEY,
    quantity INTEGER NOT NULL CHECK (quantity >= 0),
    cost_basis INTEGER NOT NULL CHECK (cost_basis >= 0)
  ) STRICT`,
  `CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL
  ) STRICT`,
];

export function createSchema(sql: { exec(query: string): unknown }): void {
  for (const statement of SCHEMA) sql.exec(statement);
}
