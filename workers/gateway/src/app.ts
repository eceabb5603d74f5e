/** The gateway's HTTP surface: GraphQL at /graphql, the auth API forwarded at /auth/*. */
import { AUTH_METHODS, AUTH_ROUTES } from "../../../shared/auth-routes";
import { createHttpApp } from "../../../shared/http/app";
import { forwardToAuth } from "./auth-forward";
import { corsPolicy } from "./cors";
import { authenticate } from "./auth/viewer";
import { loadGatewayConfig, type GatewayConfig } from "./config";
import { isEventStream, withHeartbeat } from "./graphql/live/heartbeat";
import { yoga } from "./graphql/yoga";
import { unexpectedErrorResponse } from "./hardening";
import { dataHeaders, securityHeaders, stampHeaders } from "./security-headers";

export const app = createHttpApp<GatewayEnv, GatewayConfig>({
  service: "gateway",
  // GraphQL, and the auth API it forwards.
  routes: ["/graphql", ...Object.keys(AUTH_ROUTES)],
  loadConfig: loadGatewayConfig,
  internalError: (c) => {
    const requestId = c.get("requestId");
    const response =
      c.req.path === "/graphql"
        ? unexpectedErrorResponse(requestId)
        : c.json({ error: { code: "INTERNAL", message: "Something went wrong on our side.", requestId } }, 500);
    // A configuration that failed to load fails before securityHeaders() runs: the data set
    // still goes out (HSTS with it only once the environment is known, which the middleware adds).
    return stampHeaders(response, dataHeaders(false));
  },
});

// Asset responses carry the _headers web/security-headers.ts writes; the Worker's own get theirs here.
app.use("*", securityHeaders());
app.use("/graphql", corsPolicy(["GET", "POST"]));
// A browser app on CORS_ORIGINS signs in through here.
app.use("/auth/*", corsPolicy(AUTH_METHODS));

// Its outcome is the auth API's error code (INVALID_CREDENTIALS...), so both Workers count a failed login alike.
app.all("/auth/*", (c) => forwardToAuth(c.env.AUTH, c.req.raw, c.get("requestId")));

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
  const response = await yoga.fetch(c.req.raw, {
    env: c.env,
    config,
    requestId: c.get("requestId"),
    log: c.get("log"),
    metrics: c.get("metrics"),
    observation: c.get("observation"),
    receivedAt: c.get("receivedAt"),
    viewer: authentication.viewer,
    reportError: (error) => c.get("reportError")(error, userId),
    waitUntil: (work) => c.executionCtx.waitUntil(work),
  });
  return isEventStream(response) ? withHeartbeat(response) : response;
});

app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "No such route." } }, 404));
