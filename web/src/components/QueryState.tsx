/** What a page shows while its data is on the way, and when it could not get it. */
import type { CombinedError } from "urql";

export function Loading({ what = "Loading…" }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}
    </p>
  );
}

/** The sentence for a failed request: the server's own messages, or that it cannot be reached. */
export function errorMessage(error: CombinedError): string {
  if (error.networkError || error.graphQLErrors.length === 0) return "The server cannot be reached. Check your connection and try again.";
  return [...new Set(error.graphQLErrors.map((e) => e.message))].join(" ");
}

export function QueryError({ error, retry }: { error: CombinedError; retry?: () => void }) {
  return (
    <div role="alert">
      <p>{errorMessage(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
