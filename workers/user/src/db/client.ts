import { sql } from "drizzle-orm";
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";

export type UserDb = DrizzleD1Database;

export const userDb = (d1: D1Database): UserDb => drizzle(d1);

/** One bound parameter for any number of values, so batches stay under D1's 100-parameter limit. */
export const jsonValues = (values: string[]) => sql`(select value from json_each(${JSON.stringify(values)}))`;
