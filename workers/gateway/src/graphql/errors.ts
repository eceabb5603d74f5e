/** GraphQL errors with the contract's codes (errors.md); everything else is masked. */
import { GraphQLError } from "graphql";
import type { GraphQLErrorCode } from "../../../../shared/errors";
import type { ServiceFailure } from "../../../../shared/rpc";

export function graphQLError(code: GraphQLErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = () => graphQLError("UNAUTHENTICATED", "Sign in to see this: the request has no valid access token.");

export const forbidden = (permission: string) =>
  graphQLError("FORBIDDEN", `You are signed in but lack the ${permission} permission.`);

export const badUserInput = (argument: string, why: string) =>
  graphQLError("BAD_USER_INPUT", `${argument}: ${why}`, { argument });

export const serviceUnavailable = (service: string) =>
  graphQLError("SERVICE_UNAVAILABLE", `The ${service} service did not answer in time; the rest of the response is complete.`, {
    service,
  });

/** An expected failure reported by an internal service, as the client should see it. */
export function fromServiceFailure(failure: ServiceFailure, argument = (field: string) => field): GraphQLError {
  const detail = failure.details?.[0]?.field;
  const field = detail === undefined ? undefined : argument(detail);
  switch (failure.code) {
    case "NOT_FOUND":
      return graphQLError("NOT_FOUND", failure.message);
    case "UNAUTHENTICATED":
      // The caller's session ended after the gateway's own token check (auth.openStream).
      return graphQLError("UNAUTHENTICATED", failure.message);
    case "FORBIDDEN":
    case "CONFLICT":
    case "BAD_USER_INPUT":
      // A refused change (e.g. removing the last admin) is about the arguments, not the caller's rights.
      return graphQLError("BAD_USER_INPUT", failure.message, field ? { argument: field } : {});
  }
}
