import { env } from "cloudflare:workers";
import { inArray, sql } from "drizzle-orm";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonValues, openDb } from "./d1";
import { recordingD1 } from "./testing/recording-d1";

const testEnv = env as unknown as { TEST_DB: D1Database };
const items = sqliteTable("items", { name: text("name").primaryKey() });
const names = [...Array.from({ length: 250 }, (_, i) => `item-${i}`), `it's "quoted"`, "ünïcödé 🐉", "back\\slash"];

beforeAll(async () => {
  const db = openDb(testEnv.TEST_DB);
  await db.run(sql`CREATE TABLE IF NOT EXISTS items (name TEXT PRIMARY KEY)`);
  await db.insert(items).select(sql`select value from ${jsonValues(names)} where true`).onConflictDoNothing();
});

describe("jsonValues", () => {
  it("matches any number of values, whatever their characters, with one bound parameter", async () => {
    const recorded = recordingD1(testEnv.TEST_DB);
    const asked = [...names.slice(100), "not-stored"];
    const rows = await openDb(recorded.d1).select().from(items).where(inArray(items.name, jsonValues(asked)));
    expect(rows.map((row) => row.name).sort()).toEqual(names.slice(100).sort());
    expect(recorded.statements).toHaveLength(1);
    expect(recorded.statements[0]!.params).toHaveLength(1);
    expect(recorded.roundTrips).toBe(1);
  });

  it("matches nothing for an empty list", async () => {
    expect(await openDb(testEnv.TEST_DB).select().from(items).where(inArray(items.name, jsonValues([])))).toEqual([]);
  });
});
