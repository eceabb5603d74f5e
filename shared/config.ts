/**
 * Worker configuration, typed and validated once per isolate. A missing or malformed
 * variable or secret fails with a message naming it and saying where to set it.
 */
import * as v from "valibot";
import { ErrorReportingConfig } from "./error-reporting";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export const Environment = v.picklist(["development", "test", "production"]);
export const LogLevel = v.picklist(["debug", "info", "warn", "error"]);

/** The settings every Worker has. */
export const BaseConfig = {
  ENVIRONMENT: Environment,
  LOG_LEVEL: v.optional(LogLevel, "info"),
  ...ErrorReportingConfig,
};

function describe(issue: v.BaseIssue<unknown>, service: string): string {
  const name = issue.path?.map((p) => String(p.key)).join(".") ?? "(config)";
  if (issue.input === undefined) {
    return `${name} is missing: set it in the ${service} Worker's wrangler.toml [vars], or for a secret in its .dev.vars (local) or with \`wrangler secret put ${name}\``;
  }
  return `${name} is malformed: ${issue.message}`;
}

/**
 * A loader that parses a Worker's env against `schema`, memoized per env object (the
 * runtime hands each isolate one env), so validation runs once, when the Worker starts.
 */
export function configLoader<TSchema extends v.GenericSchema<unknown, unknown>>(
  service: string,
  schema: TSchema,
): (env: object) => v.InferOutput<TSchema> {
  const cache = new WeakMap<object, v.InferOutput<TSchema>>();
  return (env) => {
    const cached = cache.get(env);
    if (cached) return cached;
    const result = v.safeParse(schema, env);
    if (!result.success) {
      const problems = result.issues.map((issue) => describe(issue, service));
      throw new ConfigError(`Invalid ${service} configuration: ${problems.join("; ")}`);
    }
    cache.set(env, result.output);
    return result.output;
  };
}
