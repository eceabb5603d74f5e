/**
 * A D1 binding that records every statement it binds (SQL and parameters) and counts its
 * round trips (a statement run on its own, or a batch): tests count queries with it.
 */
export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

const RUNS = ["all", "raw", "run", "first"] as const;

export function recordingD1(d1: D1Database) {
  const recorded = { statements: [] as RecordedStatement[], roundTrips: 0 };
  // Statements stay the runtime's own objects (batch() refuses stand-ins): only their methods are wrapped.
  const counted = (statement: D1PreparedStatement): D1PreparedStatement => {
    for (const name of RUNS) {
      const run = statement[name].bind(statement) as (...args: unknown[]) => unknown;
      Object.assign(statement, { [name]: (...args: unknown[]) => (recorded.roundTrips++, run(...args)) });
    }
    return statement;
  };
  const recording = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const bind = statement.bind.bind(statement);
    statement.bind = (...params: unknown[]) => {
      recorded.statements.push({ sql, params });
      return counted(bind(...params));
    };
    return counted(statement);
  };
  const binding = new Proxy(d1, {
    get(target, property) {
      if (property === "prepare") return (sql: string) => recording(target.prepare(sql), sql);
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          recorded.roundTrips++;
          return target.batch(statements);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return Object.assign(recorded, { d1: binding });
}
