/** The gateway's HTTP surface: GraphQL at /graphql, the auth API forwarded at /auth/*. */
import { Hono, type Context } from "hono";
import { reportError, type ErrorContext } from "../../../shared/error-reporting";
import { createLogger, type Logger } from "../../../shared/logger";
import { AUTH_METHODS, AUTH_ROUTES } from "../../../shared/auth-routes";
import { createMetrics, httpOperation, observeHttpRequest, responseOutcome, type Metrics } from "../../../shared/metrics";
import { REQUEST_ID_HEADER, requestIdFrom } from "../../../shared/request-id";
import { forwardToAuth } from "./auth-forward";
import { corsPolicy } from "./cors";
import { authenticate } from "./auth/viewer";
import { loadGatewayConfig, type GatewayConfig } from "./config";
import type { Observation } from "./graphql/context";
import { yoga } from "./graphql/yoga";
import { unexpectedErrorResponse } from "./hardening";

interface Variables {
  requestId: string;
  receivedAt: number;
  config: GatewayConfig;
  log: Logger;
  metrics: Metrics;
  observation: Observation;
}

export const app = new Hono<{ Bindings: GatewayEnv; Variables: Variables }>();

/** The paths the gateway serves: GraphQL, and the auth API it forwards. */
const ROUTE_PATHS = ["/graphql", ...Object.keys(AUTH_ROUTES)];

app.use(async (c, next) => {
  const receivedAt = performance.now();
  const requestId = requestIdFrom(c.req.raw.headers);
  c.set("requestId", requestId);
  c.set("receivedAt", receivedAt);
  const config = loadGatewayConfig(c.env);
  c.set("config", config);
  const log = createLogger({ service: "gateway", requestId, level: config.LOG_LEVEL });
  c.set("log", log);
  const metrics = createMetrics(c.env.METRICS, "gateway", (work) => c.executionCtx.waitUntil(work));
  c.set("metrics", metrics);
  const observation: Observation = { operation: httpOperation(c.req.method, c.req.path, ROUTE_PATHS), outcome: "ok" };
  c.set("observation", observation);
  await next();
  c.res.headers.set(REQUEST_ID_HEADER, requestId);
  const durationMs = performance.now() - receivedAt;
  const outcome = outcomeOf(c.res.status, observation.outcome);
  // The GraphQL route adds the viewer's id to the request's logger.
  observeHttpRequest(metrics, c.get("log"), {
    request: c.req.raw,
    response: c.res,
    operation: observation.operation,
    outcome,
    durationMs,
  });
});

/** The first error code GraphQL reported, else the HTTP status of a refusal (`HTTP_401`). */
function outcomeOf(status: number, reported: string): string {
  if (reported !== "ok") return reported;
  if (status === 429) return "RATE_LIMITED";
  return status >= 400 ? `HTTP_${status}` : "ok";
}

app.use("/graphql", corsPolicy(["GET", "POST"]));
// A browser app on CORS_ORIGINS signs in through here.
app.use("/auth/*", corsPolicy(AUTH_METHODS));

app.all("/auth/*", async (c) => {
  const answer = await forwardToAuth(c.env.AUTH, c.req.raw, c.get("requestId"));
  // The auth API's error code (INVALID_CREDENTIALS...), so both Workers count a failed login alike.
  c.get("observation").outcome = await responseOutcome(answer);
  return answer;
});

// Every method reaches yoga, which answers the ones GraphQL over HTTP does not use with a 405.
app.all("/graphql", async (c) => {
  const config = c.get("config");
  const authentication = await authenticate(c.req.raw, c.env, config, c.get("requestId"));
  if ("csrfFailed" in authentication) {
    const error = { message: "The X-CSRF-Token header must match the fafnir_csrf cookie.", extensions: { code: "FORBIDDEN" } };
    c.get("observation").outcome = "FORBIDDEN";
    return c.json({ errors: [error] }, 403);
  }
  const userId = authentication.viewer?.userId;
  if (userId) c.set("log", c.get("log").with({ userId }));
  return yoga.fetch(c.req.raw, {
    env: c.env,
    config,
    requestId: c.get("requestId"),
    log: c.get("log"),
    metrics: c.get("metrics"),
    observation: c.get("observation"),
    receivedAt: c.get("receivedAt"),
    viewer: authentication.viewer,
    reportError: (error) => reportError(c.env, error, errorContext(c, userId)),
  });
});

app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "No such route." } }, 404));

app.onError((error, c) => {
  const requestId = c.get("requestId");
  createLogger({ service: "gateway", requestId }).error("unhandled error", { error });
  reportError(c.env, error, errorContext(c));
  if (c.req.path === "/graphql") return unexpectedErrorResponse(requestId);
  return c.json({ error: { code: "INTERNAL", message: "Something went wrong on our side.", requestId } }, 500);
});

/** What an error report of this request says about it. */
function errorContext(c: Context<{ Bindings: GatewayEnv; Variables: Variables }>, userId?: string): ErrorContext {
  return {
    service: "gateway",
    requestId: c.get("requestId"),
    operation: c.get("observation")?.operation,
    userId,
    request: c.req.raw,
    waitUntil: (work) => c.executionCtx.waitUntil(work),
  };
}
