/**
 * The stock database as the service uses it: one method per round trip, so a request's
 * D1 queries can be counted. Lists travel as one JSON parameter read with json_each(),
 * which keeps every statement far below D1's limit of 100 bound parameters.
 */
export interface Statement {
  sql: string;
  params: unknown[];
}

export interface Database {
  /** One query, one round trip. */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** Several statements in one round trip, applied atomically. */
  batch(statements: Statement[]): Promise<void>;
}

export function d1Database(d1: D1Database): Database {
  return {
    async query<T>(sql: string, ...params: unknown[]) {
      const { results } = await d1.prepare(sql).bind(...params).all<T>();
      return results;
    },
    async batch(statements) {
      if (statements.length === 0) return;
      await d1.batch(statements.map(({ sql, params }) => d1.prepare(sql).bind(...params)));
    },
  };
}

/** D1 binds at most this many parameters per statement. */
export const D1_MAX_BOUND_PARAMETERS = 100;
