import type { Context } from "hono";
import type { Logger } from "../../../shared/logger";
import type { AuthConfig } from "./config";

/** What the app is built with; tests pass a clock they can move. */
export interface AuthDeps {
  /** Epoch milliseconds. */
  now: () => number;
}

export interface AuthVariables {
  requestId: string;
  log: Logger;
  config: AuthConfig;
  deps: AuthDeps;
}

export type AuthHono = { Bindings: AuthEnv; Variables: AuthVariables };
export type AuthContext = Context<AuthHono>;
