/**
 * Error reporting to Sentry with @sentry/cloudflare's client, off unless SENTRY_DSN is set.
 *
 * Each Worker reports where it already catches what it did not expect: its HTTP app's
 * onError, the gateway's masked GraphQL errors, and every RPC method (shared/rpc-server.ts).
 * `withSentry` would do that by wrapping the handler, but it bundles tracing and a dozen
 * integrations: ~60 KiB gzip per Worker, which puts auth over its 100 KiB budget. The
 * client alone is ~23 KiB.
 *
 * An event carries the service, request id, operation, user id when known, release and
 * environment, and of the request only its method, URL without query string and a few
 * harmless headers. `scrubEvent` (shared/event-scrubbing.ts) then runs on every event.
 */
import { CloudflareClient, Scope, createTransport, linkedErrorsIntegration } from "@sentry/cloudflare";
import { createStackParser, type BaseTransportOptions, type Transport } from "@sentry/core";
import { nodeStackLineParser } from "@sentry/core/server";
import * as v from "valibot";
import { scrub, scrubEvent } from "./event-scrubbing";
import type { WaitUntil } from "./metrics";

/** https://<public key>@<host>/<project id>, as Sentry shows it under Client Keys. */
const DSN = /^https?:\/\/[^@/\s]+@[^/\s]+\/(?:[^/\s]+\/)*\d+$/;

/** The settings of error reporting, part of every Worker's config (shared/config.ts). */
export const ErrorReportingConfig = {
  SENTRY_DSN: v.optional(v.union([v.literal(""), v.pipe(v.string(), v.regex(DSN, "must be a Sentry DSN: https://<key>@<host>/<project id>"))]), ""),
  SENTRY_RELEASE: v.optional(v.string(), ""),
};

export interface ErrorReportingEnv {
  SENTRY_DSN?: string;
  SENTRY_RELEASE?: string;
  ENVIRONMENT?: string;
}

export interface ErrorContext {
  service: string;
  requestId?: string;
  /** The route, GraphQL operation or RPC method that failed. */
  operation?: string;
  userId?: string;
  /** The request being answered, if HTTP. */
  request?: Request;
  waitUntil: WaitUntil;
}

/** Headers that help to reproduce a failure and carry no credential. */
const REPORTED_HEADERS = ["accept", "content-length", "content-type", "cf-ipcountry", "cf-ray", "origin", "user-agent", "x-request-id"];

/** How long the invocation is kept alive to deliver an event. */
const FLUSH_TIMEOUT_MS = 2_000;

const stackParser = createStackParser(nodeStackLineParser());

/** Sends `error` to Sentry when a DSN is configured; never throws, never delays the response. */
export function reportError(env: ErrorReportingEnv, error: unknown, context: ErrorContext): void {
  if (!env.SENTRY_DSN || !DSN.test(env.SENTRY_DSN)) return;
  try {
    // One client per report: a client shared across requests would await one request's
    // I/O from another's, which Workers do not allow. Reports are rare; this is cheap.
    const client = new CloudflareClient({
      dsn: env.SENTRY_DSN,
      release: env.SENTRY_RELEASE || undefined,
      environment: env.ENVIRONMENT,
      integrations: [linkedErrorsIntegration()],
      stackParser,
      transport: fetchTransport,
      beforeSend: (event) => scrubEvent(event),
      beforeBreadcrumb: (breadcrumb) => scrub(breadcrumb),
    });
    client.init();
    client.captureException(error, { originalException: error }, scopeOf(client, context));
    context.waitUntil(client.flush(FLUSH_TIMEOUT_MS).finally(() => client.dispose()));
  } catch (failure) {
    console.warn(JSON.stringify({ level: "warn", message: "error report failed", service: context.service, error: String(failure) }));
  }
}

function scopeOf(client: CloudflareClient, context: ErrorContext): Scope {
  const scope = new Scope();
  scope.setClient(client);
  scope.setTags({ service: context.service, request_id: context.requestId, operation: context.operation });
  if (context.userId) scope.setUser({ id: context.userId });
  const { request } = context;
  if (request) scope.addEventProcessor((event) => ({ ...event, request: requestData(request) }));
  return scope;
}

function requestData(request: Request) {
  const url = new URL(request.url);
  const headers = Object.fromEntries(REPORTED_HEADERS.flatMap((name) => (request.headers.has(name) ? [[name, request.headers.get(name)!]] : [])));
  // The query string may carry GraphQL variables; the path is enough to find the route.
  return { method: request.method, url: `${url.origin}${url.pathname}`, headers };
}

/** Sentry's envelope endpoint over the Workers fetch. */
function fetchTransport(options: BaseTransportOptions): Transport {
  return createTransport(options, async ({ body }) => {
    const payload = typeof body === "string" ? body : new Uint8Array(body);
    const response = await fetch(options.url, { method: "POST", body: payload, headers: options.headers });
    await response.body?.cancel();
    return {
      statusCode: response.status,
      headers: { "x-sentry-rate-limits": response.headers.get("x-sentry-rate-limits"), "retry-after": response.headers.get("retry-after") },
    };
  });
}
