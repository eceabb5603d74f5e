import type { Context } from "hono";
import type { Db } from "../../../shared/d1";
import type { Logger } from "../../../shared/logger";
import type { AuthConfig } from "./config";
import type { HashSlots } from "./password/hash-slots";

/** What the app is built with; tests pass a clock they can move. */
export interface AuthDeps {
  /** Epoch milliseconds. */
  now: () => number;
  /** The isolate's bound on password hashes at once. */
  hashSlots: HashSlots;
}

export interface AuthVariables {
  requestId: string;
  log: Logger;
  config: AuthConfig;
  deps: AuthDeps;
  db: Db;
}

export type AuthHono = { Bindings: AuthEnv; Variables: AuthVariables };
export type AuthContext = Context<AuthHono>;
