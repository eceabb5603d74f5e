/**
 * The one GraphQL client. Cookie mode only (auth-api.md): the browser holds the session in
 * HttpOnly cookies; every POST carries X-CSRF-Token from the fafnir_csrf cookie; on
 * UNAUTHENTICATED one silent POST /auth/refresh, then the operation once more.
 * Documents go by hash alone (persisted documents): the gateway's allow-list has the text.
 */
import { Client, fetchExchange, type Operation } from "@urql/core";
import { authExchange } from "@urql/exchange-auth";
import { persistedExchange } from "@urql/exchange-persisted";

export function csrfToken(cookie: string = document.cookie): string | undefined {
  for (const part of cookie.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === "fafnir_csrf") return decodeURIComponent(value.join("="));
  }
  return undefined;
}

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

/** Persisted documents: the client preset puts each document's SHA-256 in __meta__.hash. */
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
      authExchange(async (utils) => ({
        addAuthToOperation: withCsrf,
        didAuthError: (error) => error.graphQLErrors.some((e) => e.extensions["code"] === "UNAUTHENTICATED"),
        async refreshAuth() {
          const token = csrfToken();
          await fetch("/auth/refresh", {
            method: "POST",
            credentials: "same-origin",
            headers: token ? { "X-CSRF-Token": token } : {},
          });
          void utils;
        },
      })),
      persistedExchange({ enforcePersistedQueries: true, enableForMutation: true, preferGetForPersistedQueries: false, generateHash: documentHash }),
      fetchExchange,
    ],
  });
}
