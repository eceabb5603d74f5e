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

/** Per client address: sign-in and registration attempts per one-minute window. */
export const CLIENT_ATTEMPTS_PER_MINUTE = 30;
export const CLIENT_WINDOW_MS = 60_000;

/** Request bodies are JSON of at most 16 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;
