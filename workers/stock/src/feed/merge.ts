/**
 * One live stream of several feeds' streams (a watchQuotes of many symbols): it ends when
 * any of them ends or fails, so the watcher reconnects to all, and canceling it cancels all.
 */
import { liveStream, readLiveStream } from "../../../../shared/live-stream";

export function mergeLiveStreams<T>(streams: ReadableStream<Uint8Array>[], waitUntil: (work: Promise<unknown>) => void): ReadableStream<Uint8Array> {
  if (streams.length === 1) return streams[0]!;
  const merged = liveStream<T>();
  const stop = new AbortController();
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    try {
      for await (const value of readLiveStream<T>(stream, stop.signal)) if (!merged.write(value)) break;
    } finally {
      stop.abort();
    }
  };
  waitUntil(Promise.allSettled(streams.map(pump)).then(() => merged.close()));
  return merged.readable;
}
