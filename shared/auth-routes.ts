/**
 * The routes of the auth HTTP API (../shared/contract/auth-api.md) and the methods each
 * takes. The auth Worker refuses other methods by it; the gateway, which forwards /auth/*,
 * names its metrics and answers CORS preflights by it.
 */
export const AUTH_ROUTES: Readonly<Record<string, readonly string[]>> = {
  "/auth/register": ["POST"],
  "/auth/login": ["POST"],
  "/auth/refresh": ["POST"],
  "/auth/logout": ["POST"],
  "/auth/me": ["GET"],
  "/auth/password": ["POST"],
  "/auth/account": ["DELETE"],
  "/auth/.well-known/jwks.json": ["GET"],
  "/auth/openapi.json": ["GET"],
};

/** Every method some auth route takes. */
export const AUTH_METHODS: readonly string[] = [...new Set(Object.values(AUTH_ROUTES).flat())];
