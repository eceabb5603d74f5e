/**
 * Live streams between Workers: a ReadableStream of bytes crossing Workers RPC (stock's
 * watchQuotes, trading's watchOrders), one JSON value per line (NDJSON). Byte streams,
 * because RPC carries only those; lines, because a chunk boundary may fall anywhere.
 *
 * The producer side lives in a Durable Object, whose requests share one I/O context, so a
 * publish arriving on one request may write into a stream another request opened.
 */

const encoder = new TextEncoder();

/**
 * Values a reader may fall behind by. One slow reader must not hold back the others (or the
 * Durable Object that writes to all of them), so a reader this far behind has its stream
 * closed after what is queued: it reconnects and starts again from the current state.
 */
export const LIVE_STREAM_BUFFER = 64;

/** The writing end of one live stream; `readable` is what goes over RPC. */
export interface LiveStreamWriter<T> {
  readable: ReadableStream<Uint8Array>;
  /**
   * Queues the value without waiting for the reader. False once the reader went away
   * (canceled, its Worker stopped) or fell LIVE_STREAM_BUFFER values behind: drop the writer.
   */
  write(value: T): boolean;
  close(): Promise<void>;
  /** Settles once the stream is over: closed, or its reader gone. */
  ended: Promise<void>;
}

export function liveStream<T>(): LiveStreamWriter<T> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, new CountQueuingStrategy({ highWaterMark: LIVE_STREAM_BUFFER }));
  const writer = writable.getWriter();
  let open = true;
  const ended = () => (open = false);
  const over = writer.closed.then(ended, ended).then(() => undefined);
  return {
    readable,
    ended: over,
    write(value) {
      // desiredSize is null once the reader canceled.
      if (!open || writer.desiredSize === null) return false;
      if (writer.desiredSize <= 0) {
        // Not abort(): an errored stream crossing RPC is reported as an uncaught rejection.
        ended();
        void writer.close().catch(() => undefined);
        return false;
      }
      writer.write(encoder.encode(`${JSON.stringify(value)}\n`)).catch(ended);
      return true;
    },
    async close() {
      if (!open) return;
      open = false;
      await writer.close().catch(() => undefined);
    },
  };
}

/**
 * The values of a live stream, in order; ends when the stream closes or `signal` aborts
 * (at once, even while waiting for a value), throws when it errors.
 */
export async function* readLiveStream<T>(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  // A pending read() answers `done` once the stream is canceled.
  const cancel = () => void reader.cancel().catch(() => undefined);
  if (signal?.aborted) cancel();
  signal?.addEventListener("abort", cancel, { once: true });
  let buffered = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line) yield JSON.parse(line) as T;
      }
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
    // A consumer that stops early (break, return) cancels the producer's stream.
    await reader.cancel().catch(() => undefined);
  }
}
