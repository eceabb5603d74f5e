/** What a page shows while its data is on the way, and when it could not get it. */
import type { CombinedError } from "urql";
import { failureOf } from "./failure";

export function Loading({ what = "Loading…" }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}
    </p>
  );
}

/** The sentence for a failed request: the server's own messages, or that it cannot be reached. */
export const errorMessage = (error: CombinedError): string => failureOf(error, {}).message ?? "";

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
