/**
 * One live subscription over GraphQL over SSE ("distinct connections", live-data.md): an
 * EventSource GET, which sends the same-origin cookies and needs no CSRF header. It lives
 * until closed: a dropped stream, or one the server completes (the access token expired,
 * the session was renewed elsewhere), is opened again after retryDelay, after a session
 * refresh where the token is the cause. Only a refusal that would be repeated
 * (BAD_USER_INPUT, FORBIDDEN) or a session that cannot be renewed stops it.
 */
import type { ExecutionResult } from "@urql/core";
import { refreshSession } from "../auth/api";
import { retryDelay } from "./backoff";
import { errorOutcome, parseNext } from "./events";

/** connecting: the first connection; live: a stream is open; down: waiting to reconnect; stopped: given up. */
export type LiveState = "connecting" | "live" | "down" | "stopped";

export interface LiveStreamOptions {
  /** The GET URL, with the request in its parameters (liveUrl). */
  url: string;
  /** Each result: data, or the errors the stream stopped for. */
  onResult(result: ExecutionResult): void;
  onState(state: LiveState): void;
  refresh?: () => Promise<boolean>;
  EventSource?: typeof EventSource;
  random?: () => number;
}

/** The request of a subscription as URL parameters: only those it has (a persisted one has no query). */
export function liveUrl(
  base: string,
  request: { query?: string; operationName?: string; variables?: unknown; extensions?: Record<string, unknown> },
): string {
  const params = new URLSearchParams();
  if (request.query !== undefined) params.set("query", request.query);
  if (request.operationName) params.set("operationName", request.operationName);
  if (request.variables !== undefined) params.set("variables", JSON.stringify(request.variables));
  if (request.extensions !== undefined && Object.keys(request.extensions).length > 0) params.set("extensions", JSON.stringify(request.extensions));
  return `${base}?${params}`;
}

/** Opens the stream; the function returned closes it for good. */
export function openLiveStream(options: LiveStreamOptions): () => void {
  const { url, onResult, onState, refresh = refreshSession, EventSource: Source = EventSource, random = Math.random } = options;
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  // Failures since the last healthy stream (one that carried data or ended normally).
  let attempt = 0;

  const stop = () => {
    source?.close();
    source = undefined;
  };

  const reconnect = () => {
    stop();
    onState("down");
    timer = setTimeout(connect, retryDelay(attempt, random));
    attempt++;
  };

  const reconnectAfterRefresh = async (failure?: ExecutionResult) => {
    stop();
    onState("down");
    const renewed = await refresh();
    if (closed) return;
    if (renewed) return reconnect();
    if (failure) onResult(failure);
    onState("stopped");
  };

  function connect() {
    if (closed) return;
    const opened = new Source(url, { withCredentials: true });
    source = opened;
    opened.addEventListener("open", () => onState("live"));
    opened.addEventListener("next", (event) => {
      const result = parseNext((event as MessageEvent<string>).data);
      if (!result) return;
      if (!result.errors) {
        attempt = 0;
        return onResult(result);
      }
      const outcome = errorOutcome(result.errors);
      if (outcome === "retry") return reconnect();
      if (outcome === "refresh") return void reconnectAfterRefresh(result);
      stop();
      onResult(result);
      onState("stopped");
    });
    // Subscriptions never end by themselves: a `complete` is the token's expiry or a revoked session.
    opened.addEventListener("complete", () => {
      attempt = 0;
      void reconnectAfterRefresh();
    });
    // A drop (the browser would retry at once, without back-off) or a refused connection.
    opened.addEventListener("error", () => {
      if (source === opened) reconnect();
    });
  }

  onState("connecting");
  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    stop();
  };
}
