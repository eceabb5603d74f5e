import type { Logger } from "../../../../shared/logger";
import type { GatewayConfig } from "../config";
import type { Loaders } from "./loaders";
import type { ViewerModel } from "./models";

/** What every resolver sees: one per request. */
export interface GatewayContext {
  env: GatewayEnv;
  config: GatewayConfig;
  requestId: string;
  log: Logger;
  /** When the gateway received the request (performance.now()). */
  receivedAt: number;
  /** The caller of a request with a valid access token, else null. */
  viewer: ViewerModel | null;
  loaders: Loaders;
  /** The permissions the roles grant (cached role map of the security service). */
  permissionsOf(roles: readonly string[]): Promise<string[]>;
}
