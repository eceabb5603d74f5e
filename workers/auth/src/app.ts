/** The auth HTTP API of ../shared/contract/auth-api.md. */
import { openDb, type Db } from "../../../shared/d1";
import { httpErrorResponse } from "../../../shared/errors";
import { AUTH_ROUTES } from "../../../shared/auth-routes";
import { createHttpApp } from "../../../shared/http/app";
import { loadAuthConfig, type AuthConfig } from "./config";
import type { AuthDeps } from "./context";
import { JWKS_MAX_AGE_SECONDS, jsonWebKeySet } from "./jwks";
import { HASHES_IN_FLIGHT, HASHES_QUEUED } from "./limits";
import { openApiDocument } from "./openapi";
import { hashSlots } from "./password/hash-slots";
import { deleteAccountRoute, loginRoute, logoutRoute, meRoute, passwordRoute, refreshRoute, registerRoute } from "./routes";

/** One app per isolate (the module's `app`), so its hash slots bound the whole isolate. */
export function createApp({ now = Date.now, hashSlots: slots = hashSlots(HASHES_IN_FLIGHT, HASHES_QUEUED) }: Partial<AuthDeps> = {}) {
  const deps: AuthDeps = { now, hashSlots: slots };
  const app = createHttpApp<AuthEnv, AuthConfig, { deps: AuthDeps; db: Db }>({
    service: "auth",
    routes: Object.keys(AUTH_ROUTES),
    loadConfig: loadAuthConfig,
    internalError: () => httpErrorResponse("INTERNAL", "Something went wrong on our side."),
  });

  app.use(async (c, next) => {
    c.set("deps", deps);
    c.set("db", openDb(c.env.AUTH_DB));
    await next();
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

  return app;
}

export const app = createApp();
