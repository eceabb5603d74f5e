/** The auth HTTP API of ../shared/contract/auth-api.md. */
import { Hono } from "hono";
import { openDb } from "../../../shared/d1";
import { reportError } from "../../../shared/error-reporting";
import { httpErrorResponse } from "../../../shared/errors";
import { createLogger } from "../../../shared/logger";
import { AUTH_ROUTES } from "../../../shared/auth-routes";
import { createMetrics, httpOperation, observeHttpRequest, responseOutcome } from "../../../shared/metrics";
import { REQUEST_ID_HEADER, requestIdFrom } from "../../../shared/request-id";
import { loadAuthConfig } from "./config";
import type { AuthDeps, AuthHono } from "./context";
import { HttpError } from "./http";
import { JWKS_MAX_AGE_SECONDS, jsonWebKeySet } from "./jwks";
import { HASHES_IN_FLIGHT, HASHES_QUEUED } from "./limits";
import { openApiDocument } from "./openapi";
import { hashSlots } from "./password/hash-slots";
import { deleteAccountRoute, loginRoute, logoutRoute, meRoute, passwordRoute, refreshRoute, registerRoute } from "./routes";

const ROUTE_PATHS = Object.keys(AUTH_ROUTES);

/** One app per isolate (the module's `app`), so its hash slots bound the whole isolate. */
export function createApp({ now = Date.now, hashSlots: slots = hashSlots(HASHES_IN_FLIGHT, HASHES_QUEUED) }: Partial<AuthDeps> = {}) {
  const deps: AuthDeps = { now, hashSlots: slots };
  const app = new Hono<AuthHono>();

  app.use(async (c, next) => {
    const receivedAt = performance.now();
    const requestId = requestIdFrom(c.req.raw.headers);
    const config = loadAuthConfig(c.env);
    c.set("requestId", requestId);
    c.set("config", config);
    c.set("deps", deps);
    c.set("db", openDb(c.env.AUTH_DB));
    const log = createLogger({ service: "auth", requestId, level: config.LOG_LEVEL });
    c.set("log", log);
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, requestId);
    const durationMs = performance.now() - receivedAt;
    const operation = httpOperation(c.req.method, c.req.path, ROUTE_PATHS);
    const outcome = await responseOutcome(c.res);
    const metrics = createMetrics(c.env.METRICS, "auth", (work) => c.executionCtx.waitUntil(work));
    observeHttpRequest(metrics, log, { request: c.req.raw, response: c.res, operation, outcome, durationMs });
  });

  app.get("/auth/.well-known/jwks.json", (c) => {
    const body = jsonWebKeySet(c.get("config"));
    return c.json(body, 200, { "cache-control": `public, max-age=${JWKS_MAX_AGE_SECONDS}` });
  });
  app.get("/auth/openapi.json", (c) => c.json(openApiDocument()));
  app.post("/auth/register", registerRoute);
  app.post("/auth/login", loginRoute);
  app.post("/auth/refresh", refreshRoute);
  app.post("/auth/logout", logoutRoute);
  app.get("/auth/me", meRoute);
  app.post("/auth/password", passwordRoute);
  app.delete("/auth/account", deleteAccountRoute);

  app.notFound((c) => {
    const allowed = AUTH_ROUTES[c.req.path];
    if (!allowed) return httpErrorResponse("NOT_FOUND", "No such route.");
    return httpErrorResponse("METHOD_NOT_ALLOWED", `Use ${allowed.join(", ")} here.`, { headers: { allow: allowed.join(", ") } });
  });

  app.onError((error, c) => {
    if (error instanceof HttpError) return error.response;
    const requestId = c.get("requestId");
    createLogger({ service: "auth", requestId }).error("unhandled error", { error });
    const waitUntil = (work: Promise<unknown>) => c.executionCtx.waitUntil(work);
    const operation = httpOperation(c.req.method, c.req.path, ROUTE_PATHS);
    reportError(c.env, error, { service: "auth", requestId, operation, request: c.req.raw, waitUntil });
    return httpErrorResponse("INTERNAL", "Something went wrong on our side.");
  });

  return app;
}

export const app = createApp();
