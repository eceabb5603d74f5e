/**
 * The gateway's protective settings (wrangler.toml [vars] or the dashboard). Each is
 * optional: the defaults suit production, and the switches that help developers
 * (introspection, GraphiQL) follow ENVIRONMENT unless set.
 */
import * as v from "valibot";

const positiveInteger = (fallback: number) =>
  v.pipe(
    v.optional(v.string(), String(fallback)),
    v.regex(/^\d+$/, "must be a whole number"),
    v.transform(Number),
    v.minValue(1),
  );

/** "true" or "false"; unset means "decide from ENVIRONMENT". */
const switchVar = v.optional(
  v.pipe(
    v.picklist(["true", "false"], 'must be "true" or "false"'),
    v.transform((s) => s === "true"),
  ),
);

export const PersistedQueriesMode = v.picklist(["automatic", "allow-list"]);

export const HardeningConfig = {
  /** Serve the schema to __schema/__type queries. Default: on outside production. */
  GRAPHQL_INTROSPECTION: switchVar,
  /** Serve GraphiQL to browsers at /graphql. Default: on outside production. */
  GRAPHIQL: switchVar,
  /** Enforce the [[ratelimits]] bindings. Default: on, except under ENVIRONMENT=test. */
  RATE_LIMITS: switchVar,
  /** Largest request body, in bytes. */
  GRAPHQL_MAX_BODY_BYTES: positiveInteger(100 * 1024),
  /** Deepest selection nesting. */
  GRAPHQL_MAX_DEPTH: positiveInteger(10),
  /** Most aliases in one operation. */
  GRAPHQL_MAX_ALIASES: positiveInteger(30),
  /** Most directives in one operation. */
  GRAPHQL_MAX_DIRECTIVES: positiveInteger(50),
  /** Most lexical tokens in one document. */
  GRAPHQL_MAX_TOKENS: positiveInteger(2_000),
  /**
   * The cost limit, in bytes: the most a response body may have (uncompressed). An
   * operation whose response bound is over it is refused before it runs, and a body over
   * it is not sent (response-size.ts). The contract's 5 MB.
   */
  GRAPHQL_MAX_COST: positiveInteger(5_000_000),
  /**
   * Most live streams (subscriptions) one gateway isolate holds open: each holds a few
   * timers and buffers of its 128 MB, and the runtime spreads new connections over
   * isolates, so a refused stream's retry usually lands elsewhere.
   */
  MAX_STREAMS_PER_ISOLATE: positiveInteger(2_000),
  /**
   * automatic: any document, plus automatic persisted queries (APQ).
   * allow-list: only the documents of persisted-operations.json, by hash or by text.
   */
  GRAPHQL_PERSISTED_QUERIES: v.optional(PersistedQueriesMode, "automatic"),
};

interface SwitchSettings {
  ENVIRONMENT: string;
  GRAPHQL_INTROSPECTION?: boolean | undefined;
  GRAPHIQL?: boolean | undefined;
  RATE_LIMITS?: boolean | undefined;
}

export const introspectionEnabled = (config: SwitchSettings): boolean =>
  config.GRAPHQL_INTROSPECTION ?? config.ENVIRONMENT !== "production";

export const graphiqlEnabled = (config: SwitchSettings): boolean => config.GRAPHIQL ?? config.ENVIRONMENT !== "production";

/**
 * Test suites send hundreds of requests a second from one address and one user; the
 * tests of the limits themselves turn them on.
 */
export const rateLimitsEnabled = (config: SwitchSettings): boolean =>
  config.RATE_LIMITS ?? config.ENVIRONMENT !== "test";
