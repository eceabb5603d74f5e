/**
 * Live streams between Workers: a ReadableStream of bytes crossing Workers RPC (stock's
 * watchQuotes, trading's watchOrders), one JSON value per line (NDJSON). Byte streams,
 * because RPC carries only those; lines, because a chunk boundary may fall anywhere.
 *
 * The producer side lives in a Durable Object, whose requests share one I/O context, so a
 * publish arriving on one request may write into a stream another request opened.
 */

const encoder = new TextEncoder();

/** The writing end of one live stream; `readable` is what goes over RPC. */
export interface LiveStreamWriter<T> {
  readable: ReadableStream<Uint8Array>;
  /** False once the reader went away (canceled, or its Worker stopped): drop the writer. */
  write(value: T): Promise<boolean>;
  close(): Promise<void>;
}

export function liveStream<T>(): LiveStreamWriter<T> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  let open = true;
  void writer.closed.catch(() => (open = false));
  return {
    readable,
    async write(value) {
      if (!open) return false;
      try {
        await writer.write(encoder.encode(`${JSON.stringify(value)}\n`));
        return true;
      } catch {
        open = false;
        return false;
      }
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
