import type { HttpObservation } from "../../../../shared/http/app";
import type { Logger } from "../../../../shared/logger";
import type { Metrics } from "../../../../shared/metrics";
import type { GatewayConfig } from "../config";
import type { Loaders } from "./loaders";
import type { ViewerModel } from "./models";

/** What the HTTP layer hands to GraphQL for one request (yoga's server context). */
export interface RequestContext {
  env: GatewayEnv;
  config: GatewayConfig;
  requestId: string;
  log: Logger;
  /** This request's data points (shared/metrics.ts). */
  metrics: Metrics;
  /** What the request's data point and log line say it was; GraphQL fills it in. */
  observation: HttpObservation;
  /** When the gateway received the request (performance.now()). */
  receivedAt: number;
  /** The caller of a request with a valid access token, else null. */
  viewer: ViewerModel | null;
  /** Sends an unexpected error of this request to error reporting (shared/error-reporting.ts). */
  reportError(error: unknown): void;
  /** Work that must finish even when the client has gone (a live stream's lease given back). */
  waitUntil(work: Promise<unknown>): void;
}

/** What every resolver sees: one per request. */
export interface GatewayContext extends RequestContext {
  loaders: Loaders;
}

