/** A D1 binding that records every statement it prepares: tests count queries with it. */
export function recordingD1(d1: D1Database) {
  const statements: string[] = [];
  const recording = new Proxy(d1, {
    get(target, property) {
      if (property === "prepare") {
        return (query: string) => {
          statements.push(query);
          return target.prepare(query);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1: recording, statements };
}
