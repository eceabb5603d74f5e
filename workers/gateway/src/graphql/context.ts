import type { Logger } from "../../../../shared/logger";
import type { GatewayConfig } from "../config";

/** What every resolver sees: one per request. */
export interface GatewayContext {
  env: GatewayEnv;
  config: GatewayConfig;
  requestId: string;
  log: Logger;
  /** When the gateway received the request (performance.now()). */
  receivedAt: number;
  /** The signed-in caller, when the request carries a valid token. */
  viewer?: { userId: string } | null;
}
