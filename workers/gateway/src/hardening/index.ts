/** The gateway's protections, as yoga plugins, in the order they should see a request. */
import { useBodyLimit } from "./body-limit";
import { useContractErrors } from "./errors";
import { useIntrospectionSwitch } from "./introspection";
import { useQueryLimits } from "./limits";
import { usePersistedQueries } from "./persisted-queries";
import { useRateLimits } from "./rate-limit";

export { graphiqlEnabled } from "./config";
export { maskUnexpectedError, UNEXPECTED_ERROR_MESSAGE } from "./errors";

export const hardeningPlugins = () => [
  // Cheapest refusals first: the address's rate before the body is read.
  useRateLimits(),
  useBodyLimit(),
  usePersistedQueries(),
  useQueryLimits(),
  useIntrospectionSwitch(),
  useContractErrors(),
];
