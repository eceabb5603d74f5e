/** The handlers of the auth routes of ../shared/contract/auth-api.md. */
import type * as v from "valibot";
import { getCookie } from "hono/cookie";
import type { AccessTokenClaims } from "../../../shared/access-token";
import { clientKeyOf } from "../../../shared/client-address";
import type { AuthContext } from "./context";
import {
  clearSessionCookies,
  CSRF_COOKIE,
  fail,
  hashingBusy,
  invalidCredentials,
  jsonBody,
  presentedAccessToken,
  rateLimited,
  REFRESH_COOKIE,
  requireCsrf,
  setSessionCookies,
} from "./http";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  ACCOUNT_CHANGES_PER_ACCOUNT,
  HASHING_PER_ADDRESS,
  REFRESH_TOKEN_TTL_SECONDS,
  SESSIONS_PER_ACCOUNT,
  SESSIONS_PER_ADDRESS,
  type RequestLimit,
} from "./limits";
import { HOUSEKEEPING_RATE, pruneAuthData } from "./housekeeping";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "./password/hash";
import { HashingBusy } from "./password/hash-slots";
import { LastAdminError, register, removeAccountData } from "./registration";
import { DeleteAccountBody, LoginBody, LogoutBody, PasswordBody, RefreshBody, RegisterBody } from "./schemas";
import { serviceCalls } from "./services";
import {
  createSession,
  deleteSessionsOf,
  isSessionActive,
  revokeSession,
  revokeUserSessions,
  rotateRefreshToken,
  sessionOfCurrentRefreshToken,
  sessionOfRefreshToken,
  sessionsWithLiveTokens,
} from "./sessions";
import {
  countRequest,
  forgetLoginFailures,
  recordLoginFailure,
  recordLoginSuccess,
  releaseLoginAttempt,
  reserveLoginAttemptWhenFree,
} from "./throttle";
import { publishRevocation } from "./revocation";
import { accessTokenVerifier, opaqueToken, signAccessToken } from "./tokens";
import { activeUserByEmail, activeUserById, deleteUser, emailTaken, setPasswordHash, type UserRow } from "./users";

const nowMs = (c: AuthContext) => c.get("deps").now();
const unavailable = () => fail("SERVICE_UNAVAILABLE", "A service we depend on failed. Try again shortly.");

async function rolesOf(c: AuthContext, userId: string): Promise<string[]> {
  const rpc = serviceCalls(c);
  let result;
  try {
    result = await rpc.call("security", "access", () => c.env.SECURITY.access(rpc.meta, [userId]));
  } catch {
    throw unavailable(); // the RPC kit logged the failure
  }
  if (result.ok) return result.value[userId]?.roles ?? [];
  c.get("log").error("security.access refused", { error: result.error });
  throw unavailable();
}

/** Counts the request against `limit` for `subject`, or answers 429. */
async function limitRequest(c: AuthContext, limit: RequestLimit, subject: string): Promise<void> {
  const decision = await countRequest(c.get("db"), limit, subject, nowMs(c));
  if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
}

/** Counts the request per client (shared/client-address.ts: canonical, IPv6 by /64). */
async function limitClient(c: AuthContext, limit: RequestLimit): Promise<void> {
  const client = clientKeyOf(c.req.raw);
  if (client !== null) await limitRequest(c, limit, client);
}

/** Runs password hashing in one of the isolate's hash slots, or answers a fast 503. */
async function hashing<T>(c: AuthContext, work: () => Promise<T>): Promise<T> {
  try {
    return await c.get("deps").hashSlots.run(work);
  } catch (error) {
    throw error instanceof HashingBusy ? hashingBusy() : error;
  }
}

/** Starts a session and answers with its tokens in the body and in the three cookies. */
async function signIn(c: AuthContext, user: UserRow, status: 200 | 201) {
  const roles = await rolesOf(c, user.id);
  const at = nowMs(c);
  const session = await createSession(c.get("db"), user.id, at);
  const accessToken = await signAccessToken(c.get("config"), { userId: user.id, sessionId: session.sessionId, roles }, at);
  setSessionCookies(c, { accessToken, refreshToken: session.refreshToken }, opaqueToken());
  return c.json(
    {
      user: { id: user.id, email: user.email, roles },
      accessToken,
      tokenType: "Bearer",
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken: session.refreshToken,
      refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS,
    },
    status,
  );
}

/**
 * Checks a password for an account under the account's throttle. An unknown email costs
 * the same hash against DUMMY_HASH and answers the same. Upgrades an outdated hash.
 */
async function checkPassword(c: AuthContext, email: string, password: string): Promise<UserRow> {
  const db = c.get("db");
  const decision = await reserveLoginAttemptWhenFree(db, email, c.get("deps").now);
  if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  let checked;
  try {
    // The account is read before taking a hash slot: a slot is held for hashing only, not for I/O.
    const user = await activeUserByEmail(db, email);
    checked = await hashing(c, async () => {
      const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      const upgraded = user && matches && needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
      return { user, matches, upgraded };
    });
  } catch (error) {
    // Not evaluated (too busy, or a failure on our side): the attempt counts for nothing.
    await releaseLoginAttempt(db, email);
    throw error;
  }
  const { user, matches, upgraded } = checked;
  if (!user || !matches) {
    await recordLoginFailure(db, email, nowMs(c));
    throw invalidCredentials();
  }
  await recordLoginSuccess(db, email);
  if (upgraded) await setPasswordHash(db, user.id, upgraded, new Date(nowMs(c)).toISOString());
  return user;
}

export async function registerRoute(c: AuthContext) {
  const body = await jsonBody(c, RegisterBody);
  await limitClient(c, HASHING_PER_ADDRESS);
  const taken = () => fail("CONFLICT", "An account with this email already exists.");
  if (await emailTaken(c.get("db"), body.email)) throw taken();
  const hash = (password: string) => hashing(c, () => hashPassword(password));
  const result = await register(c.env, c.get("db"), serviceCalls(c), body, hash, nowMs(c), c.get("log"));
  if (result.kind === "email-taken") throw taken();
  if (result.kind === "invalid") throw fail("BAD_REQUEST", "Some fields are invalid.", { details: result.details });
  if (result.kind === "unavailable") throw unavailable();
  const user = await activeUserById(c.get("db"), result.userId);
  if (!user) throw unavailable();
  return signIn(c, user, 201);
}

/** Now and then, after answering, prunes what auth_db no longer needs. */
function tidyUpSometimes(c: AuthContext): void {
  if (Math.random() >= HOUSEKEEPING_RATE) return;
  const work = pruneAuthData(c.get("db"), nowMs(c)).catch((error: unknown) => c.get("log").error("housekeeping failed", { error }));
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // No execution context (app.request in tests): the promise runs on regardless.
  }
}

export async function loginRoute(c: AuthContext) {
  tidyUpSometimes(c);
  const body = await jsonBody(c, LoginBody);
  await limitClient(c, HASHING_PER_ADDRESS);
  const user = await checkPassword(c, body.email, body.password);
  return signIn(c, user, 200);
}

export async function refreshRoute(c: AuthContext) {
  await limitClient(c, SESSIONS_PER_ADDRESS);
  const body = await jsonBody(c, RefreshBody, true);
  const browser = body.refreshToken === undefined;
  const token = body.refreshToken ?? getCookie(c, REFRESH_COOKIE);
  if (browser && token !== undefined) requireCsrf(c);
  if (!token) throw fail("UNAUTHENTICATED", "A refresh token is required.");
  const at = nowMs(c);
  const invalid = () => fail("UNAUTHENTICATED", "The refresh token is invalid or expired.");
  // Roles first: if security is down the token is not spent and the client can retry.
  const owner = await sessionOfRefreshToken(c.get("db"), token);
  const user = owner && (await activeUserById(c.get("db"), owner.userId));
  if (!user) throw invalid();
  await limitRequest(c, SESSIONS_PER_ACCOUNT, user.id);
  const roles = await rolesOf(c, user.id);
  const graceMs = c.get("config").REFRESH_REUSE_GRACE_SECONDS * 1000;
  const rotation = await rotateRefreshToken(c.get("db"), token, at, graceMs);
  if (rotation.kind === "reused") {
    await publishRevocation(c.env, user.id, [rotation.sessionId]); // already ended in auth_db
    throw fail("SESSION_REVOKED", "This refresh token was already used; the session has been ended for safety.");
  }
  if (rotation.kind !== "rotated") throw invalid();
  const accessToken = await signAccessToken(c.get("config"), { userId: user.id, sessionId: rotation.sessionId, roles }, at);
  const access = { accessToken, tokenType: "Bearer", expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  if (!browser) return c.json({ ...access, refreshToken: rotation.refreshToken, refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS });
  setSessionCookies(c, { accessToken, refreshToken: rotation.refreshToken }, getCookie(c, CSRF_COOKIE) ?? opaqueToken());
  return c.json(access);
}

/** The caller's verified access-token claims, or 401. */
async function authenticated(c: AuthContext): Promise<AccessTokenClaims> {
  const token = presentedAccessToken(c);
  if (token !== undefined) {
    const verify = accessTokenVerifier(c.get("config"), c.get("deps").now, c.env);
    const result = await verify(token);
    if (result.ok && (await isSessionActive(c.get("db"), result.claims.sid))) return result.claims;
  }
  throw fail("UNAUTHENTICATED", "Sign in first: a valid access token is required.");
}

export async function logoutRoute(c: AuthContext) {
  await limitClient(c, SESSIONS_PER_ADDRESS);
  const body = await jsonBody(c, LogoutBody, true);
  const session = await sessionToEnd(c, body.refreshToken);
  // Ending every session takes a live one: a leaked token of an ended session must not sign its user out again and again.
  if (!session || (body.all && !session.live)) throw fail("UNAUTHENTICATED", "Sign in first: an access or refresh token is required.");
  await limitRequest(c, SESSIONS_PER_ACCOUNT, session.userId);
  if (body.all) await endUserSessions(c, session.userId);
  // Idempotent: ending an ended session again changes nothing but rewrites its revocation mark.
  else await endSession(c, session);
  clearSessionCookies(c);
  return c.body(null, 204);
}

interface SessionToEnd {
  sessionId: string;
  userId: string;
  /** Not revoked: only a live session's credentials may end the user's other sessions. */
  live: boolean;
}

/**
 * Logout accepts an access token, even expired, of the session, or its current refresh
 * token (body or cookie) alone. A rotated refresh token speaks for no session.
 */
async function sessionToEnd(c: AuthContext, bodyRefreshToken: string | undefined): Promise<SessionToEnd | null> {
  let ended: SessionToEnd | null = null;
  const accessToken = presentedAccessToken(c);
  if (accessToken) {
    const verify = accessTokenVerifier(c.get("config"), c.get("deps").now);
    const result = await verify(accessToken, { allowExpired: true });
    if (result.ok) {
      const session = { sessionId: result.claims.sid, userId: result.claims.sub };
      if (await isSessionActive(c.get("db"), session.sessionId)) return { ...session, live: true };
      ended = { ...session, live: false };
    }
  }
  const refreshToken = bodyRefreshToken ?? getCookie(c, REFRESH_COOKIE);
  // The refresh cookie is a cookie credential: it needs the CSRF header, whatever else came along.
  if (bodyRefreshToken === undefined && refreshToken !== undefined) requireCsrf(c);
  const live = refreshToken ? await sessionOfCurrentRefreshToken(c.get("db"), refreshToken, nowMs(c)) : null;
  return live ? { ...live, live: true } : ended;
}

// The revocation list and the stream leases first: if telling them fails, the sessions
// are still live, so the same credentials can retry.
async function endSession(c: AuthContext, session: { sessionId: string; userId: string }): Promise<void> {
  await publishRevocation(c.env, session.userId, [session.sessionId]);
  await revokeSession(c.get("db"), session.sessionId, nowMs(c));
}

async function endUserSessions(c: AuthContext, userId: string, except?: string): Promise<void> {
  await publishRevocation(c.env, userId, await sessionsWithLiveTokens(c.get("db"), userId, nowMs(c), except));
  await revokeUserSessions(c.get("db"), userId, nowMs(c), except);
}

export async function meRoute(c: AuthContext) {
  const claims = await authenticated(c);
  const user = await activeUserById(c.get("db"), claims.sub);
  if (!user) throw fail("UNAUTHENTICATED", "Sign in first: a valid access token is required.");
  const roles = await rolesOf(c, user.id);
  return c.json({ id: user.id, email: user.email, roles, createdAt: user.createdAt });
}

/**
 * A signed-in caller proving their password again before an account change: the address's
 * hashing limit, the access token, the account's change limit, the body, then the password.
 */
async function reauthenticated<S extends v.GenericSchema>(c: AuthContext, schema: S, passwordOf: (body: v.InferOutput<S>) => string) {
  await limitClient(c, HASHING_PER_ADDRESS);
  const claims = await authenticated(c);
  await limitRequest(c, ACCOUNT_CHANGES_PER_ACCOUNT, claims.sub);
  const body = await jsonBody(c, schema);
  const account = await activeUserById(c.get("db"), claims.sub);
  if (!account) throw fail("UNAUTHENTICATED", "Sign in first: a valid access token is required.");
  const user = await checkPassword(c, account.email, passwordOf(body));
  return { claims, body, user };
}

export async function passwordRoute(c: AuthContext) {
  const { claims, body, user } = await reauthenticated(c, PasswordBody, (b) => b.currentPassword);
  const newHash = await hashing(c, () => hashPassword(body.newPassword));
  await setPasswordHash(c.get("db"), user.id, newHash, new Date(nowMs(c)).toISOString());
  await endUserSessions(c, user.id, claims.sid);
  return c.body(null, 204);
}

/**
 * Deletes the account: grants (security, refused for the last admin: 409 and nothing is
 * deleted), profile and watchlist (user), the paper-trading account (trading), then tokens
 * and credentials here. Each step is idempotent and auth's own rows go last, so after a
 * partial failure the same token and password can retry and finish the job.
 */
export async function deleteAccountRoute(c: AuthContext) {
  const { user } = await reauthenticated(c, DeleteAccountBody, (b) => b.password);
  try {
    await removeAccountData(c.env, c.get("db"), serviceCalls(c), user.id);
  } catch (error) {
    if (error instanceof LastAdminError) throw fail("CONFLICT", "You are the last admin: make another admin before deleting your account.");
    c.get("log").error("account deletion: a service failed", { userId: user.id, error });
    throw unavailable();
  }
  const db = c.get("db");
  await publishRevocation(c.env, user.id, await sessionsWithLiveTokens(db, user.id, nowMs(c)), "all");
  await deleteSessionsOf(db, user.id);
  await deleteUser(db, user.id);
  await forgetLoginFailures(db, user.email);
  clearSessionCookies(c);
  return c.body(null, 204);
}
