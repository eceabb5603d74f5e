/**
 * One symbol's QuoteFeed in workerd, with the simulated provider of the stock config: what a
 * watcher reads first and next, who is dropped, and when the object stops polling.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { LIVE_STREAM_BUFFER, readLiveStream } from "../../../../shared/live-stream";
import type { Quote, QuoteUpdate } from "../contract";

/** A fresh feed: each test gets its own object, under a name of its own. */
const feedOf = () => env.QUOTE_FEEDS.getByName(`AAPL-${crypto.randomUUID()}`);

/** The next value of a watcher, or "nothing" if none comes within a moment. */
async function nextOf(reader: AsyncGenerator<QuoteUpdate>, waitMs = 200): Promise<QuoteUpdate | "nothing"> {
  const quiet = new Promise<"nothing">((resolve) => setTimeout(() => resolve("nothing"), waitMs));
  return Promise.race([reader.next().then((result) => (result.done ? "nothing" : result.value)), quiet]);
}

const moved = (quote: Quote, by: number): Quote => ({ ...quote, price: Math.round((quote.price + by) * 100) / 100, asOf: new Date(Date.parse(quote.asOf) + by * 1000).toISOString() });

/** A departed watcher is noticed on a write: offers new quotes until the feed has `left` watchers. */
async function offerUntilWatchers(feed: ReturnType<typeof feedOf>, from: Quote, left: number): Promise<void> {
  let by = 0;
  await vi.waitFor(
    async () => {
      await feed.offer(moved(from, ++by));
      expect(await feed.watchers()).toBe(left);
    },
    { timeout: 2_000, interval: 20 },
  );
}

describe("QuoteFeed", () => {
  it("first gives each watcher the current quote, then every new one to all, and a quote seen already to none", async () => {
    const feed = feedOf();
    const one = readLiveStream<QuoteUpdate>(await feed.subscribe("AAPL"));
    const two = readLiveStream<QuoteUpdate>(await feed.subscribe("AAPL"));
    const first = await nextOf(one);
    if (first === "nothing") throw new Error("no first quote");
    expect(first).toMatchObject({ symbol: "AAPL", quote: { symbol: "AAPL", source: "simulated" } });
    expect(await nextOf(two)).toEqual(first);

    const next = moved(first.quote, 1);
    await feed.offer(next);
    expect([await nextOf(one), await nextOf(two)]).toEqual([{ symbol: "AAPL", quote: next }, { symbol: "AAPL", quote: next }]);
    await feed.offer(next);
    expect(await nextOf(one)).toBe("nothing");
    expect(await feed.watchers()).toBe(2);
  });

  it("drops a watcher whose reader went away, and keeps writing to the others", async () => {
    const feed = feedOf();
    const kept = readLiveStream<QuoteUpdate>(await feed.subscribe("AAPL"));
    const left = await feed.subscribe("AAPL");
    const first = await nextOf(kept);
    if (first === "nothing") throw new Error("no first quote");
    await left.cancel();
    await offerUntilWatchers(feed, first.quote, 1);
    expect(await nextOf(kept)).toMatchObject({ quote: { price: moved(first.quote, 1).price } });
  });

  it(`ends the stream of a watcher that falls ${LIVE_STREAM_BUFFER} quotes behind, without waiting for it`, async () => {
    const feed = feedOf();
    const stalled = await feed.subscribe("AAPL");
    const reading = readLiveStream<QuoteUpdate>(await feed.subscribe("AAPL"));
    const first = await nextOf(reading);
    if (first === "nothing") throw new Error("no first quote");
    for (let by = 1; by <= LIVE_STREAM_BUFFER + 5; by++) {
      await feed.offer(moved(first.quote, by));
      expect(await nextOf(reading)).toMatchObject({ quote: { price: moved(first.quote, by).price } });
    }
    expect(await feed.watchers()).toBe(1);
    // What was queued is still read, then the stream ends: the watcher reconnects.
    let read = 0;
    for await (const _update of readLiveStream(stalled)) read++;
    expect(read).toBeGreaterThanOrEqual(LIVE_STREAM_BUFFER);
    expect(read).toBeLessThan(LIVE_STREAM_BUFFER + 6);
  });

  it("polls on its alarm while watched, and stops once nobody watches", async () => {
    const feed = feedOf();
    const watcher = await feed.subscribe("AAPL");
    expect(await runInDurableObject(feed, (_instance, state) => state.storage.getAlarm())).not.toBeNull();
    expect(await runDurableObjectAlarm(feed)).toBe(true);
    await watcher.cancel();
    const reading = readLiveStream<QuoteUpdate>(await feed.subscribe("AAPL"));
    const first = await nextOf(reading);
    if (first === "nothing") throw new Error("no first quote");
    await reading.return(undefined);
    await offerUntilWatchers(feed, first.quote, 0);
    await runDurableObjectAlarm(feed);
    expect(await runInDurableObject(feed, (_instance, state) => state.storage.getAlarm())).toBeNull();
  });
});
