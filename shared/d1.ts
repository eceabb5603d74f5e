/**
 * D1 through drizzle, the one way every Worker talks to its database: `openDb` once per
 * entrypoint instance (or request), passed to query functions as `db`.
 */
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";

export type Db = DrizzleD1Database;

export const openDb = (binding: D1Database): Db => drizzle(binding);

/**
 * Any number of values as one bound parameter, read back with json_each: use it for
 * `inArray(column, jsonValues(ids))` so a list never meets D1's 100-parameter limit.
 */
export const jsonValues = (values: readonly unknown[]): SQL => sql`(select value from json_each(${JSON.stringify(values)}))`;
