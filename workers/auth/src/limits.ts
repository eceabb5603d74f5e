/** The numbers of the auth design (see ../README.md). */

/** Access tokens live 15 minutes, the contract's maximum. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Refresh tokens: 30 days from the last refresh (every refresh issues a new one). */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Account throttling: back-off starts after this many consecutive failures. */
export const BACKOFF_AFTER_FAILURES = 5;
/** The first back-off; it doubles with each further failure, up to the cap. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 15 * 60_000;
/** At most this many failures per account are evaluated in one hour window. */
export const MAX_FAILURES_PER_HOUR = 100;
export const FAILURE_WINDOW_MS = 60 * 60_000;
/** An attempt in flight longer than this is taken as abandoned (a hash takes well under a second). */
export const LOGIN_IN_FLIGHT_TTL_MS = 30_000;
/** How long an attempt waits for one of its account's slots, taken by attempts in flight. */
export const LOGIN_SLOT_WAIT_MS = 10_000;

/** At most `max` requests per `windowMs` (fixed windows) per client or account, counted in auth_db. */
export interface RequestLimit {
  /** Names the counter: limits sharing a name share a count. */
  name: string;
  max: number;
  windowMs: number;
}

/** Per client address: the routes that hash a password (login, register, password change, account deletion). */
export const HASHING_PER_ADDRESS: RequestLimit = { name: "hashing-by-address", max: 30, windowMs: 60_000 };
/** Per client address: refresh and logout, cheap writes. */
export const SESSIONS_PER_ADDRESS: RequestLimit = { name: "sessions-by-address", max: 120, windowMs: 60_000 };
/** Per account: password changes (two hashes each) and account deletions. */
export const ACCOUNT_CHANGES_PER_ACCOUNT: RequestLimit = { name: "account-changes", max: 10, windowMs: 60 * 60_000 };
/** Per account: refreshes and logouts of the user's sessions. */
export const SESSIONS_PER_ACCOUNT: RequestLimit = { name: "sessions-by-account", max: 60, windowMs: 60_000 };
/** The longest window above: counters older than it can be pruned. */
export const LONGEST_REQUEST_WINDOW_MS = ACCOUNT_CHANGES_PER_ACCOUNT.windowMs;

/** Password hashes one isolate runs at once, and how many more may wait for a slot (src/password/hash-slots.ts). */
export const HASHES_IN_FLIGHT = 2;
export const HASHES_QUEUED = 6;

/** Request bodies are JSON of at most 16 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;
