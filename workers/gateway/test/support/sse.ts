/**
 * A GraphQL over SSE client ("distinct connections" mode, live-data.md), as a test needs
 * one: every event and comment with the time it arrived, so tests can wait for events and
 * measure delivery.
 */
import type { Platform } from "../../../../scripts/testing/platform.ts";

export interface SseEvent {
  event: string;
  /** The parsed `data` of a `next` event; undefined for `complete`. */
  payload?: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] };
  receivedAt: number;
}

export interface Subscription {
  status: number;
  contentType: string | null;
  events: SseEvent[];
  /** Arrival times of `:` comment lines (heartbeats). */
  comments: number[];
  /** Resolves when the server ends the stream (after `complete`, or the connection closes). */
  ended: Promise<void>;
  /** Waits until `count` events have arrived; returns them. */
  waitForEvents(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
}

export interface SubscribeOptions {
  variables?: Record<string, unknown>;
  token?: string;
  /** Sent as a cookie (no CSRF header, as a browser's EventSource does); implies GET unless `method` says otherwise. */
  cookie?: string;
  method?: "GET" | "POST";
}

export async function subscribe(platform: Platform, query: string, options: SubscribeOptions = {}): Promise<Subscription> {
  const method = options.method ?? (options.cookie ? "GET" : "POST");
  const headers: Record<string, string> = { accept: "text/event-stream" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const abort = new AbortController();
  const variables = JSON.stringify(options.variables ?? {});
  const response =
    method === "GET"
      ? await platform.fetch(`/graphql?${new URLSearchParams({ query, variables })}`, { headers, signal: abort.signal })
      : await platform.fetch("/graphql", {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ query, variables: options.variables ?? {} }),
          signal: abort.signal,
        });
  const events: SseEvent[] = [];
  const comments: number[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((wake) => wake());
  const ended = read(response, (block) => {
    const at = Date.now();
    if (block.startsWith(":")) comments.push(at);
    else events.push(parseEvent(block, at));
    notify();
  }).finally(notify);
  let done = false;
  void ended.then(() => (done = true), () => (done = true));

  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    events,
    comments,
    ended,
    async waitForEvents(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (done) throw new Error(`the stream ended after ${events.length} of ${count} events`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${events.length} of ${count} events after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(wake, left);
          function wake() {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          }
          waiters.add(wake);
        });
      }
      return events.slice(0, count);
    },
    close: () => abort.abort(),
  };
}

function parseEvent(block: string, receivedAt: number): SseEvent {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
  }
  const text = data.join("\n");
  return { event, receivedAt, ...(text ? { payload: JSON.parse(text) as SseEvent["payload"] } : {}) };
}

/** Calls `onBlock` with each blank-line-separated block of the body, until it ends. */
async function read(response: { body: unknown }, onBlock: (block: string) => void): Promise<void> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf("\n\n")) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (block) onBlock(block);
      }
    }
  } catch (error) {
    if ((error as Error).name !== "AbortError") throw error;
  }
}
