/**
 * The auth HTTP API in cookie mode (auth-api.md): the browser keeps the session in HttpOnly
 * cookies, so these calls return no token; state-changing calls carry X-CSRF-Token from the
 * script-readable fafnir_csrf cookie.
 */

export interface FieldError {
  field: string;
  message: string;
}

/** An auth API refusal: its code (errors.md), its sentence and, for bad input, one entry per field. */
export class AuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    /** From Retry-After, when the server says when to try again (RATE_LIMITED). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** What a person is told when a request never reached the server. */
export const UNREACHABLE = "The server cannot be reached. Check your connection and try again.";

export function csrfToken(cookie: string = document.cookie): string | undefined {
  for (const part of cookie.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === "fafnir_csrf") return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/** Forget a session the server no longer knows, so that no page keeps trying to refresh it. */
export function forgetCsrfToken(): void {
  document.cookie = "fafnir_csrf=; Max-Age=0; Path=/; Secure; SameSite=Lax";
}

async function authRequest(method: "POST" | "DELETE", path: string, body?: unknown): Promise<void> {
  const token = csrfToken();
  let response: Response;
  try {
    response = await fetch(`/auth/${path}`, {
      method,
      credentials: "same-origin",
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(token ? { "X-CSRF-Token": token } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new AuthError("NETWORK", UNREACHABLE);
  }
  if (response.ok) return;
  const error = await response
    .json()
    .then((json: { error?: { code?: string; message?: string; details?: FieldError[] } }) => json.error)
    .catch(() => undefined);
  const retryAfter = Number(response.headers.get("retry-after"));
  throw new AuthError(
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `The server answered ${response.status}.`,
    error?.details,
    retryAfter > 0 ? retryAfter : undefined,
  );
}

export const signIn = (email: string, password: string) => authRequest("POST", "login", { email, password });

export const register = (input: { email: string; password: string; firstName: string; lastName: string }) =>
  authRequest("POST", "register", input);

export const signOut = (everywhere = false) => authRequest("POST", "logout", everywhere ? { all: true } : undefined);

export const changePassword = (currentPassword: string, newPassword: string) =>
  authRequest("POST", "password", { currentPassword, newPassword });

export const deleteAccount = (password: string) => authRequest("DELETE", "account", { password });

let refreshing: Promise<boolean> | undefined;

/**
 * One silent POST /auth/refresh for however many callers ask at once; true when the
 * session's cookies were renewed. A refused refresh forgets the session.
 */
export function refreshSession(): Promise<boolean> {
  if (!csrfToken()) return Promise.resolve(false);
  refreshing ??= authRequest("POST", "refresh")
    .then(
      () => true,
      (error: unknown) => {
        if (error instanceof AuthError && error.code !== "NETWORK") forgetCsrfToken();
        return false;
      },
    )
    .finally(() => (refreshing = undefined));
  return refreshing;
}
