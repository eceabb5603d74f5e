import { describe, expect, it } from "vitest";
import { LIVE_STREAM_BUFFER, liveStream, readLiveStream } from "./live-stream";

describe("live streams (NDJSON over a byte stream)", () => {
  it("carries values in order, whatever the chunk boundaries, and ends when closed", async () => {
    const bytes = new TextEncoder().encode('{"n":1}\n{"n":2}\n{"n":3}\n');
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5));
        controller.close();
      },
    });
    const values: unknown[] = [];
    for await (const value of readLiveStream(chunked)) values.push(value);
    expect(values).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("tells the writer once its reader has gone away", async () => {
    const stream = liveStream<{ n: number }>();
    const reading = readLiveStream<{ n: number }>(stream.readable);
    const first = reading.next();
    expect(stream.write({ n: 1 })).toBe(true);
    expect((await first).value).toEqual({ n: 1 });
    await reading.return(undefined);
    expect(stream.write({ n: 2 })).toBe(false);
  });

  it("ends a pending read at once when the signal aborts, and cancels the producer's stream", async () => {
    const stream = liveStream<{ n: number }>();
    const abort = new AbortController();
    const pending = readLiveStream<{ n: number }>(stream.readable, abort.signal).next();
    abort.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(stream.write({ n: 1 })).toBe(false);
  });

  it("never waits for a reader; one that falls the buffer behind has its stream closed after what was queued", async () => {
    const stream = liveStream<{ n: number }>();
    const accepted = Array.from({ length: LIVE_STREAM_BUFFER + 5 }, (_, n) => stream.write({ n }));
    expect(accepted.filter(Boolean)).toHaveLength(LIVE_STREAM_BUFFER);
    expect(accepted.slice(0, LIVE_STREAM_BUFFER).every(Boolean)).toBe(true);
    expect(stream.write({ n: -1 })).toBe(false);
    const read: unknown[] = [];
    for await (const value of readLiveStream(stream.readable)) read.push(value);
    expect(read).toEqual(Array.from({ length: LIVE_STREAM_BUFFER }, (_, n) => ({ n })));
  });

  it("throws to the reader when the stream errors (the producer's object restarted)", async () => {
    const failing = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error("object reset")) });
    await expect(readLiveStream(failing).next()).rejects.toThrow("object reset");
  });
});
