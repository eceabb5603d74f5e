/**
 * The events consumer's settings: a config piece (like shared/rpc-client.ts
 * RpcTimeoutConfig) so the Worker's config can spread it, and tests can shorten the back-off.
 */
import * as v from "valibot";
import { configLoader } from "../../../../shared/config";
import { RpcTimeoutConfig } from "../../../../shared/rpc-client";

const seconds = (fallback: string) =>
  v.optional(v.pipe(v.string(), v.transform(Number), v.integer("must be a whole number of seconds"), v.minValue(1), v.maxValue(43_200)), fallback);

export const EventsConfig = {
  /** The first retry's delay; each next one doubles it. */
  EVENT_RETRY_BASE_SECONDS: seconds("10"),
  /** The longest delay between two deliveries (a Queues retry delay is at most 12 hours). */
  EVENT_RETRY_MAX_SECONDS: seconds("600"),
};

/** What the queue and cron handlers read (the stock calls of a refresh are bounded like any call). */
export const loadEventsConfig = configLoader("trading", v.object({ ...EventsConfig, ...RpcTimeoutConfig }));

export type EventsSettings = ReturnType<typeof loadEventsConfig>;

/** Exponential back-off: base, 2·base, 4·base ... at most max (attempts counts from 1). */
export const retryDelaySeconds = (attempts: number, settings: EventsSettings): number =>
  Math.min(settings.EVENT_RETRY_MAX_SECONDS, settings.EVENT_RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
