/** The gateway's protections: yoga options and plugins, in the order they should see a request. */
import type { YogaServerOptions } from "graphql-yoga";
import type { RequestContext } from "../graphql/context";
import { useBodyLimit } from "./body-limit";
import { graphiqlEnabled } from "./config";
import { maskUnexpectedError, UNEXPECTED_ERROR_MESSAGE, useContractErrors } from "./errors";

export { unexpectedErrorResponse } from "./errors";
import { useIntrospectionSwitch } from "./introspection";
import { useQueryLimits } from "./limits";
import { usePersistedQueries } from "./persisted-queries";
import { useRateLimits } from "./rate-limit";
import { useResponseSizeLimit } from "./response-size";

export const hardeningPlugins = () => [
  // Cheapest refusals first: the address's rate before the body is read.
  useRateLimits(),
  useBodyLimit(),
  usePersistedQueries(),
  useQueryLimits(),
  useResponseSizeLimit(),
  useIntrospectionSwitch(),
  useContractErrors(),
];

/** Spread into createYoga; a schema's own plugins go after `plugins`. */
export const hardenedYogaOptions = {
  plugins: hardeningPlugins(),
  graphiql: (_request: Request, ctx: RequestContext) => graphiqlEnabled(ctx.config),
  maskedErrors: { maskError: maskUnexpectedError, errorMessage: UNEXPECTED_ERROR_MESSAGE },
  // Masked errors are logged by useContractErrors, with the request id.
  logging: false,
  // CORS is the app's (hono, from CORS_ORIGINS); yoga's default would allow every origin.
  cors: false,
  // Enforced by useBodyLimit, which counts the body as it streams in.
  maxRequestBodySize: false,
  // The schema takes no uploads: multipart bodies get 415 instead of a parser.
  multipart: false,
} satisfies Partial<YogaServerOptions<RequestContext, RequestContext>>;
