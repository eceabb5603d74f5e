/**
 * The ledger (src/account/ledger.ts) in Node: the same SQL on node:sqlite's DatabaseSync,
 * each decision in a BEGIN/COMMIT as the Durable Object runs it in transactionSync.
 */
import { DatabaseSync } from "node:sqlite";
import type { Clock } from "../src/account/clock";
import type { Row, Sql, SqlValue } from "../src/account/sql";
import { createSchema } from "../src/account/schema";

export interface NodeLedger {
  sql: Sql;
  transaction<T>(decide: () => T): T;
  clock: Clock & { advance(ms: number): void };
}

export function nodeLedger(start = new Date("2026-12-01T15:00:00Z")): NodeLedger {
  const db = new DatabaseSync(":memory:");
  createSchema(db);
  const sql: Sql = { exec: (query: string, ...params: SqlValue[]) => db.prepare(query).all(...params) as Row[] };
  let ids = 0;
  let now = start.getTime();
  const clock = {
    get now() {
      return new Date(now);
    },
    newId: () => `00000000-0000-4000-8000-${(++ids).toString().padStart(12, "0")}`,
    advance: (ms: number) => {
      now += ms;
    },
  };
  return {
    sql,
    clock,
    transaction<T>(decide: () => T): T {
      db.exec("BEGIN");
      try {
        const result = decide();
        db.exec("COMMIT");
        return result;
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
  };
}
