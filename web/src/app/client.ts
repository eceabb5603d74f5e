/**
 * The one GraphQL client. Cookie mode only (auth-api.md): credentials are the HttpOnly
 * cookies; every POST carries X-CSRF-Token from the fafnir_csrf cookie; on UNAUTHENTICATED
 * one silent refresh, then the operation once more. Documents go by hash alone (persisted
 * documents): the gateway's allow-list holds their text. Subscriptions are live streams
 * (live/exchange.ts), by GET with cookies and no CSRF header (live-data.md).
 */
import { Client, fetchExchange, type Operation } from "@urql/core";
import { authExchange } from "@urql/exchange-auth";
import { persistedExchange } from "@urql/exchange-persisted";
import { csrfToken, refreshSession } from "../auth/api";
import { liveExchange } from "../live/exchange";

const withCsrf = (operation: Operation): Operation => {
  const token = csrfToken();
  if (!token) return operation;
  const fetchOptions =
    typeof operation.context.fetchOptions === "function" ? operation.context.fetchOptions() : (operation.context.fetchOptions ?? {});
  return {
    ...operation,
    context: {
      ...operation.context,
      fetchOptions: { ...fetchOptions, headers: { ...(fetchOptions.headers as Record<string, string>), "X-CSRF-Token": token } },
    },
  };
};

/** The client preset puts each document's SHA-256 in __meta__.hash (web/codegen.ts). */
const documentHash = (_query: string, document: unknown): Promise<string> => {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) return Promise.reject(new Error("A GraphQL document without a persisted hash: run npm run codegen:web."));
  return Promise.resolve(hash);
};

export function createClient(url = "/graphql"): Client {
  return new Client({
    url,
    fetchOptions: { credentials: "same-origin" },
    // POST always: a hash-only GET would skip the CSRF header and be cached by intermediaries.
    preferGetMethod: false,
    exchanges: [
      authExchange(async () => ({
        addAuthToOperation: withCsrf,
        didAuthError: (error) => error.graphQLErrors.some((e) => e.extensions["code"] === "UNAUTHENTICATED"),
        refreshAuth: async () => void (await refreshSession()),
      })),
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        enableForSubscriptions: true,
        preferGetForPersistedQueries: false,
        generateHash: documentHash,
      }),
      liveExchange(url),
      fetchExchange,
    ],
  });
}
