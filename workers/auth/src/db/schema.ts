import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    /** Self-describing password hash: algorithm and parameters inside. */
    passwordHash: text("password_hash").notNull(),
    /**
     * `pending` while registration creates the profile and the role grant; only `active`
     * accounts can sign in or be listed.
     */
    status: text("status", { enum: ["pending", "active"] }).notNull().default("active"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("users_email_idx").on(t.email), index("users_created_idx").on(t.createdAt, t.id)],
);

/** One signed-in device: its id is the `sid` of every access token it is issued. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    createdAt: text("created_at").notNull(),
    revokedAt: text("revoked_at"),
    /** Epoch ms of the session's newest access token: older than its lifetime, none is alive. */
    accessIssuedAt: integer("access_issued_at").notNull().default(0),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Refresh tokens, by SHA-256 of the token (the token itself is never stored). */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: text("session_id").notNull(),
    /** Epoch milliseconds. */
    expiresAt: integer("expires_at").notNull(),
    /** Epoch milliseconds when a refresh replaced it; null while it is the session's current token. */
    rotatedAt: integer("rotated_at"),
  },
  (t) => [index("refresh_tokens_session_idx").on(t.sessionId)],
);

/** Failed sign-in counters per account (by normalized email, known or not). Times are epoch ms. */
export const loginFailures = sqliteTable("login_failures", {
  email: text("email").primaryKey(),
  /** Completed consecutive failures. */
  consecutive: integer("consecutive").notNull(),
  windowStart: integer("window_start").notNull(),
  /** Evaluations in the hour window: failures and attempts in flight (a success gives its own back). */
  windowCount: integer("window_count").notNull(),
  blockedUntil: integer("blocked_until").notNull(),
  /** Attempts whose password is being checked right now. */
  inFlight: integer("in_flight").notNull().default(0),
  /** After this, `inFlight` counts as 0: an attempt that never finished (its isolate died) frees its slot. */
  inFlightUntil: integer("in_flight_until").notNull().default(0),
});

/**
 * Requests per limit and client or account (limits.ts RequestLimit), in fixed windows.
 * Times are epoch ms. The table and column names date from when it counted addresses only.
 */
export const requestCounts = sqliteTable("client_attempts", {
  /** `<limit name>:<client key or user id>`. */
  key: text("address").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});
