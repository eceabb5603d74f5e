/**
 * Per client address (CF-Connecting-IP, set by Cloudflare's edge, keyed by
 * shared/client-address.ts: canonical IPv4, an IPv6 address's /64, all garbage under one
 * key) before the body is even read, and per signed-in user once the context knows the
 * viewer. Over a limit: 429 RATE_LIMITED with extensions.retryAfter and a Retry-After header.
 *
 * The Workers rate-limiting bindings count per Cloudflare location, in windows of their
 * `period` (wrangler.toml [[ratelimits]], generated into RATE_LIMIT_PERIOD_SECONDS); a full
 * window is the longest a refused client has to wait.
 */
import type { Plugin } from "graphql-yoga";
import { clientKeyOf } from "../../../../shared/client-address";
import { GraphQLErrorCode } from "../../../../shared/errors";
import type { RequestContext } from "../graphql/context";
import { rateLimitsEnabled } from "./config";
import { gatewayError } from "./errors";
import { RATE_LIMIT_PERIOD_SECONDS } from "./rate-limit-periods.generated";

const rateLimited = (limiter: keyof typeof RATE_LIMIT_PERIOD_SECONDS) => {
  const seconds = RATE_LIMIT_PERIOD_SECONDS[limiter];
  return gatewayError(
    GraphQLErrorCode.RATE_LIMITED,
    `Too many requests: try again in ${seconds} seconds.`,
    { status: 429, headers: { "Retry-After": String(seconds) } },
    { retryAfter: seconds },
  );
};

export function useRateLimits(): Plugin<RequestContext, RequestContext> {
  return {
    async onRequestParse({ request, serverContext }) {
      // Absent only when the request did not come through Cloudflare's edge (a service
      // binding, local tools): there is no address to count.
      const key = clientKeyOf(request);
      if (key === null || !rateLimitsEnabled(serverContext.config)) return;
      const { success } = await serverContext.env.RATE_LIMIT_BY_IP.limit({ key });
      if (!success) throw rateLimited("RATE_LIMIT_BY_IP");
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const viewer = args.contextValue.viewer;
      if (!viewer || !rateLimitsEnabled(args.contextValue.config)) return;
      const { success } = await args.contextValue.env.RATE_LIMIT_BY_USER.limit({ key: viewer.userId });
      if (!success) setResultAndStopExecution({ errors: [rateLimited("RATE_LIMIT_BY_USER")] });
    },
  };
}
