/**
 * The gateway's one CORS policy, for /graphql and the forwarded auth API alike: the origins
 * of CORS_ORIGINS may call with credentials (the session cookies) and read the request id
 * and Retry-After. Any other origin, and a request without one, gets no CORS header at all.
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { REQUEST_ID_HEADER } from "../../../shared/request-id";
import type { GatewayConfig } from "./config";

type WithConfig = MiddlewareHandler<{ Variables: { config: GatewayConfig } }>;

/** The policy for an endpoint taking `allowMethods`. */
export function corsPolicy(allowMethods: readonly string[]): WithConfig {
  return async (c, next) => {
    const origins = c.get("config").CORS_ORIGINS;
    if (!origins.includes(c.req.header("origin") ?? "")) {
      await next();
      // The answer still depends on Origin: a cache must not give it to an allowed origin.
      c.header("Vary", "Origin", { append: true });
      return;
    }
    const policy = cors({ origin: origins, allowMethods: [...allowMethods], credentials: true, exposeHeaders: [REQUEST_ID_HEADER, "retry-after"] });
    return policy(c, next);
  };
}
