/**
 * Per client address (CF-Connecting-IP, set by Cloudflare's edge; an IPv6 address's /64)
 * before the body is even read, and per signed-in user once the context knows the viewer. Over a limit:
 * 429 RATE_LIMITED with extensions.retryAfter and a Retry-After header.
 *
 * The Workers rate-limiting bindings count per Cloudflare location, in windows of
 * RATE_LIMIT_PERIOD_SECONDS (wrangler.toml [[ratelimits]]); a full window is the longest a
 * refused client has to wait.
 */
import type { Plugin } from "graphql-yoga";
import { GraphQLErrorCode } from "../../../../shared/errors";
import type { RequestContext } from "../graphql/context";
import { rateLimitsEnabled } from "./config";
import { gatewayError } from "./errors";

/** The `period` of both [[ratelimits]] in wrangler.toml. */
export const RATE_LIMIT_PERIOD_SECONDS = 10;

const rateLimited = () =>
  gatewayError(
    GraphQLErrorCode.RATE_LIMITED,
    `Too many requests: try again in ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
    { status: 429, headers: { "Retry-After": String(RATE_LIMIT_PERIOD_SECONDS) } },
    { retryAfter: RATE_LIMIT_PERIOD_SECONDS },
  );

/**
 * The key one client's requests are counted under: an IPv4 address, or an IPv6 address's
 * /64, since one subscriber usually holds a whole /64 and could rotate through it.
 */
export function clientKey(address: string): string {
  const embeddedIPv4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (embeddedIPv4) return embeddedIPv4[1]!;
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

export function useRateLimits(): Plugin<RequestContext, RequestContext> {
  return {
    async onRequestParse({ request, serverContext }) {
      // Absent only when the request did not come through Cloudflare's edge (a service
      // binding, local tools): there is no address to count.
      const address = request.headers.get("cf-connecting-ip");
      if (!address || !rateLimitsEnabled(serverContext.config)) return;
      const { success } = await serverContext.env.RATE_LIMIT_BY_IP.limit({ key: clientKey(address) });
      if (!success) throw rateLimited();
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const viewer = args.contextValue.viewer;
      if (!viewer || !rateLimitsEnabled(args.contextValue.config)) return;
      const { success } = await args.contextValue.env.RATE_LIMIT_BY_USER.limit({ key: viewer.userId });
      if (!success) setResultAndStopExecution({ errors: [rateLimited()] });
    },
  };
}
