/** The gateway's HTTP surface: GraphQL at /graphql, the auth API forwarded at /auth/*. */
import { Hono } from "hono";
import { cors } from "hono/cors";
import { createLogger, type Logger } from "../../../shared/logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "../../../shared/request-id";
import { forwardToAuth } from "./auth-forward";
import { authenticate } from "./auth/viewer";
import { loadGatewayConfig, type GatewayConfig } from "./config";
import { yoga } from "./graphql/yoga";
import { unexpectedErrorResponse } from "./hardening";

interface Variables {
  requestId: string;
  receivedAt: number;
  config: GatewayConfig;
  log: Logger;
}

export const app = new Hono<{ Bindings: GatewayEnv; Variables: Variables }>();

app.use(async (c, next) => {
  const receivedAt = performance.now();
  const requestId = requestIdFrom(c.req.raw.headers);
  c.set("requestId", requestId);
  c.set("receivedAt", receivedAt);
  const config = loadGatewayConfig(c.env);
  c.set("config", config);
  const log = createLogger({ service: "gateway", requestId, level: config.LOG_LEVEL });
  c.set("log", log);
  await next();
  c.res.headers.set(REQUEST_ID_HEADER, requestId);
  log.info("request", {
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    durationMs: performance.now() - receivedAt,
  });
});

app.use("/graphql", (c, next) =>
  cors({
    origin: c.get("config").CORS_ORIGINS,
    allowMethods: ["GET", "POST"],
    credentials: true,
    exposeHeaders: [REQUEST_ID_HEADER],
  })(c, next),
);

app.all("/auth/*", (c) => forwardToAuth(c.env.AUTH, c.req.raw, c.get("requestId")));

// Every method reaches yoga, which answers the ones GraphQL over HTTP does not use with a 405.
app.all("/graphql", async (c) => {
  const config = c.get("config");
  const authentication = await authenticate(c.req.raw, c.env, config);
  if ("csrfFailed" in authentication) {
    const error = { message: "The X-CSRF-Token header must match the fafnir_csrf cookie.", extensions: { code: "FORBIDDEN" } };
    return c.json({ errors: [error] }, 403);
  }
  return yoga.fetch(c.req.raw, {
    env: c.env,
    config,
    requestId: c.get("requestId"),
    log: c.get("log").with(authentication.viewer ? { userId: authentication.viewer.userId } : {}),
    receivedAt: c.get("receivedAt"),
    viewer: authentication.viewer,
  });
});

app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "No such route." } }, 404));

app.onError((error, c) => {
  const requestId = c.get("requestId");
  createLogger({ service: "gateway", requestId }).error("unhandled error", { error });
  if (c.req.path === "/graphql") return unexpectedErrorResponse(requestId);
  return c.json({ error: { code: "INTERNAL", message: "Something went wrong on our side.", requestId } }, 500);
});
