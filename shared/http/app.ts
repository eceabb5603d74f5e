/**
 * The HTTP plumbing of a Worker with a public HTTP API (auth, gateway): one hono app whose
 * every request carries a request id (echoed in x-request-id), the Worker's config, a logger
 * and metrics; ends in one data point and one "request" log line; and whose unexpected
 * errors are logged, reported (shared/error-reporting.ts) and answered with the Worker's own
 * INTERNAL error. An HttpError thrown on purpose answers with its response, unreported.
 */
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { reportError, type ErrorContext, type ErrorReportingEnv } from "../error-reporting";
import { createLogger, type Logger, type LogLevel } from "../logger";
import { createMetrics, httpOperation, observeHttpRequest, responseOutcome, type DataPointSink, type Metrics } from "../metrics";
import { REQUEST_ID_HEADER, requestIdFrom } from "../request-id";

/** A failure that answers the request: thrown by a Worker's helpers, answered as it is. */
export class HttpError extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

export interface HttpBindings extends ErrorReportingEnv {
  METRICS?: DataPointSink;
}

/** The operation a request ran (`POST /auth/login`, `query me`) and its first error code, or `ok`. */
export interface HttpObservation {
  operation: string;
  outcome: string;
}

export interface HttpVariables<C extends { LOG_LEVEL: LogLevel }> {
  requestId: string;
  /** When the Worker received the request (performance.now()). */
  receivedAt: number;
  config: C;
  /** The request's logger; a route may replace it with one that says more (the viewer's id). */
  log: Logger;
  metrics: Metrics;
  /** What the request's data point and log line say; a route may set what the response cannot tell. */
  observation: HttpObservation;
  /** Sends an unexpected error of this request to error reporting, with the viewer's id when known. */
  reportError(error: unknown, userId?: string): void;
}

export type HttpEnv<B extends HttpBindings, C extends { LOG_LEVEL: LogLevel }, V extends object = object> = {
  Bindings: B;
  Variables: HttpVariables<C> & V;
};

export interface HttpAppOptions<B extends HttpBindings, C extends { LOG_LEVEL: LogLevel }> {
  service: string;
  /** The paths the Worker serves: each names its own operation, any other path is `unmatched`. */
  routes: readonly string[];
  loadConfig(env: B): C;
  /** The Worker's answer to an unexpected error: its contract's INTERNAL error. */
  internalError(c: Context<HttpEnv<B, C>>): Response;
}

export function createHttpApp<B extends HttpBindings, C extends { LOG_LEVEL: LogLevel }, V extends object = object>(
  options: HttpAppOptions<B, C>,
): Hono<HttpEnv<B, C, V>> {
  const plain = new Hono<HttpEnv<B, C>>();
  plain.use(observeRequests(options));
  plain.onError((error, c) => {
    if (error instanceof HttpError) return error.response;
    createLogger({ service: options.service, requestId: c.get("requestId") }).error("unhandled error", { error });
    c.get("reportError")(error);
    return options.internalError(c);
  });
  // The Worker's own variables are its routes' business: the plumbing sets none of them.
  return plain as unknown as Hono<HttpEnv<B, C, V>>;
}

function observeRequests<B extends HttpBindings, C extends { LOG_LEVEL: LogLevel }>(
  { service, routes, loadConfig }: HttpAppOptions<B, C>,
): MiddlewareHandler<HttpEnv<B, C>> {
  return async (c, next) => {
    const receivedAt = performance.now();
    const requestId = requestIdFrom(c.req.raw.headers);
    const observation: HttpObservation = { operation: httpOperation(c.req.method, c.req.path, routes), outcome: "ok" };
    c.set("requestId", requestId);
    c.set("receivedAt", receivedAt);
    c.set("observation", observation);
    c.set("reportError", (error, userId) => reportError(c.env, error, errorContext(service, requestId, observation, c, userId)));
    const config = loadConfig(c.env);
    c.set("config", config);
    const metrics = createMetrics(c.env.METRICS, service, (work) => c.executionCtx.waitUntil(work));
    c.set("metrics", metrics);
    c.set("log", createLogger({ service, requestId, level: config.LOG_LEVEL }));
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, requestId);
    const durationMs = performance.now() - receivedAt;
    const outcome = observation.outcome !== "ok" ? observation.outcome : await responseOutcome(c.res);
    observeHttpRequest(metrics, c.get("log"), { request: c.req.raw, response: c.res, operation: observation.operation, outcome, durationMs });
  };
}

/** What an error report of this request says about it. */
function errorContext(service: string, requestId: string, observation: HttpObservation, c: Context, userId?: string): ErrorContext {
  const waitUntil = (work: Promise<unknown>) => c.executionCtx.waitUntil(work);
  return { service, requestId, operation: observation.operation, userId, request: c.req.raw, waitUntil };
}
