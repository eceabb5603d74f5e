/**
 * Registration as one synchronous saga over RPC: credentials here (a `pending` row), the
 * profile in user, the `member` grant in security, then the row turns `active`. A failed
 * step undoes the earlier ones, so nothing is left behind; a `pending` row that outlives
 * its saga (the isolate died mid-way) is never signed in to, and the next registration of
 * that email clears it.
 */
import type { Db } from "../../../shared/d1";
import type { FieldError } from "../../../shared/errors";
import type { Logger } from "../../../shared/logger";
import type { ServiceCalls } from "./services";
import { activateUser, deletePendingUser, deleteUser, idsWithAccount, insertPendingUser, pendingUserBefore, setPasswordHash } from "./users";

export interface Registration {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

export type RegistrationResult =
  | { kind: "registered"; userId: string }
  | { kind: "email-taken" }
  /** The user service refused the names (its rules are the last word on them). */
  | { kind: "invalid"; details: FieldError[] }
  | { kind: "unavailable" };

export const DEFAULT_ROLE = "member";
/** What a `pending` row holds until its password is hashed: no hash at all, so it verifies nothing. */
const NOT_YET_HASHED = "";
/** A pending row older than this belongs to a saga that died: the email is free again. */
const ABANDONED_AFTER_MS = 60_000;

/** The user is the last admin with an account: their grants, and everything else, stay. */
export class LastAdminError extends Error {
  constructor() {
    super("the last admin cannot be removed");
  }
}

/**
 * Removes a user's data in the other services (account deletion, and the undo of a
 * registration): grants, profile and watchlist, paper-trading account; each step is
 * idempotent, so a retry after a partial failure finishes the job. The grants go first, under security's atomic
 * last-admin guard, told which admins have an account here: refused, nothing is removed
 * (LastAdminError). Throws anything else (ServiceUnavailable, shared/rpc-client.ts) if a
 * service failed or did not answer in time.
 */
export async function removeAccountData(env: AuthEnv, db: Db, rpc: ServiceCalls, userId: string): Promise<void> {
  const admins = await rpc.call("security", "admins", () => env.SECURITY.admins(rpc.meta));
  const adminsWithAccount = await idsWithAccount(db, admins);
  const grants = await rpc.call("security", "removeUser", () => env.SECURITY.removeUser(rpc.meta, userId, adminsWithAccount));
  if (!grants.ok && grants.error.code === "FORBIDDEN") throw new LastAdminError();
  if (!grants.ok) throw new Error(`security.removeUser: ${grants.error.code} ${grants.error.message}`);
  await rpc.call("user", "removeUser", () => env.USER.removeUser(rpc.meta, userId));
  await rpc.call("trading", "removeUser", () => env.TRADING.removeUser(rpc.meta, userId));
}

async function clearAbandoned(env: AuthEnv, db: Db, rpc: ServiceCalls, email: string, nowMs: number, log: Logger): Promise<void> {
  const stale = await pendingUserBefore(db, email, new Date(nowMs - ABANDONED_AFTER_MS).toISOString());
  if (!stale) return;
  log.warn("clearing an abandoned registration", { userId: stale });
  await removeAccountData(env, db, rpc, stale);
  await deletePendingUser(db, stale);
}

/**
 * Registers `input`. The email is claimed (the pending row) before `hash` runs, so racing
 * registrations of one email cost one hash, not one each. A `hash` that throws (the
 * isolate is too busy to hash) gives the email back and rethrows. A call to user or
 * security that fails or times out (RPC_TIMEOUT_MS) undoes the earlier steps.
 */
export async function register(
  env: AuthEnv,
  db: Db,
  rpc: ServiceCalls,
  input: Registration,
  hash: (password: string) => Promise<string>,
  nowMs: number,
  log: Logger,
): Promise<RegistrationResult> {
  const userId = crypto.randomUUID();
  const now = new Date(nowMs).toISOString();
  try {
    await clearAbandoned(env, db, rpc, input.email, nowMs, log);
  } catch (error) {
    log.error("could not clear an abandoned registration", { error });
  }
  if (!(await insertPendingUser(db, { id: userId, email: input.email, passwordHash: NOT_YET_HASHED, now }))) {
    return { kind: "email-taken" };
  }
  let passwordHash;
  try {
    passwordHash = await hash(input.password);
  } catch (error) {
    await deleteUser(db, userId);
    throw error;
  }
  try {
    await setPasswordHash(db, userId, passwordHash, now);
    const names = { userId, firstName: input.firstName, lastName: input.lastName };
    const profile = await rpc.call("user", "createProfile", () => env.USER.createProfile(rpc.meta, names));
    if (!profile.ok && profile.error.code === "BAD_USER_INPUT") {
      await undo(env, db, rpc, userId, log);
      return { kind: "invalid", details: profile.error.details ?? [{ field: "firstName", message: profile.error.message }] };
    }
    if (!profile.ok) throw new Error(`createProfile: ${profile.error.code} ${profile.error.message}`);
    const grant = await rpc.call("security", "grantRole", () => env.SECURITY.grantRole(rpc.meta, userId, DEFAULT_ROLE));
    if (!grant.ok) throw new Error(`grantRole: ${grant.error.code} ${grant.error.message}`);
    await activateUser(db, userId);
    return { kind: "registered", userId };
  } catch (error) {
    log.error("registration failed, undoing it", { userId, error });
    await undo(env, db, rpc, userId, log);
    return { kind: "unavailable" };
  }
}

async function undo(env: AuthEnv, db: Db, rpc: ServiceCalls, userId: string, log: Logger): Promise<void> {
  try {
    await removeAccountData(env, db, rpc, userId);
    await deleteUser(db, userId);
  } catch (error) {
    // The row stays `pending`: never usable, and cleared by the next registration of the email.
    log.error("could not undo a failed registration", { userId, error });
  }
}
