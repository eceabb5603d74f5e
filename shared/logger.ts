/**
 * Structured JSON logs: one object per line, so Workers Logs can index every field.
 * Each line carries the service and the request id that the gateway stamped.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries `fields`. */
  with(fields: LogFields): Logger;
}

export interface LoggerOptions {
  service: string;
  requestId?: string;
  level?: LogLevel;
  /** Where lines go; tests capture them here. */
  sink?: (line: string, level: LogLevel) => void;
}

function consoleSink(line: string, level: LogLevel): void {
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/** Errors do not serialize with JSON.stringify; keep their name and message only. */
function serializable(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message } : value;
  }
  return out;
}

export function createLogger(options: LoggerOptions): Logger {
  const { service, requestId, level = "info", sink = consoleSink } = options;
  return build({ service, ...(requestId ? { requestId } : {}) });

  function build(context: LogFields): Logger {
    const write = (lineLevel: LogLevel, message: string, fields: LogFields = {}) => {
      if (RANK[lineLevel] < RANK[level]) return;
      const line = { time: new Date().toISOString(), level: lineLevel, message, ...context, ...serializable(fields) };
      sink(JSON.stringify(line), lineLevel);
    };
    return {
      debug: (message, fields) => write("debug", message, fields),
      info: (message, fields) => write("info", message, fields),
      warn: (message, fields) => write("warn", message, fields),
      error: (message, fields) => write("error", message, fields),
      with: (fields) => build({ ...context, ...serializable(fields) }),
    };
  }
}
