import type { Context } from "hono";
import type { HttpEnv } from "../../../shared/http/app";
import type { Db } from "../../../shared/d1";
import type { AuthConfig } from "./config";
import type { HashSlots } from "./password/hash-slots";

/** What the app is built with; tests pass a clock they can move. */
export interface AuthDeps {
  /** Epoch milliseconds. */
  now: () => number;
  /** The isolate's bound on password hashes at once. */
  hashSlots: HashSlots;
}

/** The shared HTTP plumbing's variables (shared/http/app.ts), and auth's own. */
export type AuthHono = HttpEnv<AuthEnv, AuthConfig, { deps: AuthDeps; db: Db }>;
export type AuthContext = Context<AuthHono>;
