/** The auth HTTP API of ../shared/contract/auth-api.md. */
import { Hono } from "hono";
import { httpErrorResponse } from "../../../shared/errors";
import { REQUEST_ID_HEADER, requestIdFrom } from "../../../shared/request-id";
import { loadAuthConfig } from "./config";
import { JWKS_MAX_AGE_SECONDS, jsonWebKeySet } from "./jwks";

export const app = new Hono<{ Bindings: AuthEnv; Variables: { requestId: string } }>();

app.use(async (c, next) => {
  const requestId = requestIdFrom(c.req.raw.headers);
  c.set("requestId", requestId);
  await next();
  c.res.headers.set(REQUEST_ID_HEADER, requestId);
});

app.get("/auth/.well-known/jwks.json", (c) => {
  const body = jsonWebKeySet(loadAuthConfig(c.env));
  return c.json(body, 200, { "cache-control": `public, max-age=${JWKS_MAX_AGE_SECONDS}` });
});

app.notFound(() => httpErrorResponse("NOT_FOUND", "No such route."));

app.onError((error, c) => {
  console.error(JSON.stringify({ service: "auth", requestId: c.get("requestId"), message: error.message }));
  return httpErrorResponse("INTERNAL", "Something went wrong on our side.");
});
