/**
 * Fan-out of live quotes (live-data.md: "a thousand subscribers of one symbol cost the
 * stock service the same as one"): 1,000 SSE streams of one symbol (200 users × 5, the
 * per-user cap) through the real gateway, stock and auth on loopback, while FMP (MSW in
 * Node) serves a new price on every fetch. Every fetch must reach every subscriber, and
 * the stock service must fetch once per change, not once per subscriber. Prints the
 * figures: subscribers, stock calls per change, delivery p50/p99, workerd memory and CPU.
 */
import { readFileSync, readdirSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import type { Platform } from "../../../scripts/testing/platform.ts";
import { platformWithFmpFirst } from "./support/fmp-quotes.ts";
import { signUp, type SignedIn } from "./support/graphql-client.ts";
import { subscribe, type Subscription } from "./support/sse.ts";

const USERS = 200;
const STREAMS_PER_USER = 5;
const MOVING_MS = 6_000;
const SYMBOL = "AAPL";

const { fmp, platform: started } = platformWithFmpFirst();
let platform: Platform;
beforeAll(() => {
  platform = started();
});

/** `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return results;
}

/** CPU seconds and resident memory of the workerd processes (the Workers under test). */
function workerdUsage(): { cpuSeconds: number; rssMb: number } {
  let ticks = 0;
  let rssKb = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("workerd")) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // The process ended while being read.
    }
  }
  return { cpuSeconds: ticks / 100, rssMb: Math.round(rssKb / 1024) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

it(`${USERS * STREAMS_PER_USER} subscribers of one symbol cost one stock fetch per change`, { timeout: 240_000 }, async () => {
  const users = await inBatches(Array.from({ length: USERS }, (_, i) => i), 20, () => signUp(platform, "fan"));
  const before = workerdUsage();
  const query = "subscription ($symbols: [String!]!) { quotes(symbols: $symbols) { symbol quote { price } } }";
  const open = async (user: SignedIn) => {
    const stream = await subscribe(platform, query, { variables: { symbols: [SYMBOL] }, token: user.token });
    await stream.waitForEvents(1, 30_000);
    return stream;
  };
  // The first subscriber alone: this measures fan-out, not a cold stampede on the symbol's
  // first instrument lookup and quote fetch.
  const [first, ...rest] = users.flatMap((user: SignedIn) => Array.from({ length: STREAMS_PER_USER }, () => user));
  const streams: Subscription[] = [await open(first!), ...(await inBatches(rest, 50, open))];
  const refused = streams.filter((stream) => stream.events[0]?.payload?.errors);
  const opened = workerdUsage();

  const servedBefore = fmp.served.length;
  fmp.moveOnEveryFetch(true);
  await new Promise((resolve) => setTimeout(resolve, MOVING_MS));
  fmp.moveOnEveryFetch(false);
  const changes = fmp.served.slice(servedBefore).filter((s) => s.symbol === SYMBOL);
  // Each change may take up to 2 s to arrive.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const after = workerdUsage();

  const latencies: number[] = [];
  let missed = 0;
  for (const stream of streams) {
    const arrivals = new Map(stream.events.map((e) => [(e.payload?.data as { quotes: { quote: { price: number } } } | undefined)?.quotes.quote.price, e.receivedAt]));
    for (const change of changes) {
      const at = arrivals.get(change.price);
      if (at === undefined) missed++;
      else latencies.push(at - change.at);
    }
  }
  for (const stream of streams) stream.close();
  latencies.sort((a, b) => a - b);

  const figures = {
    subscribers: streams.length - refused.length,
    refused: refused.length,
    changes: changes.length,
    stockFetchesPerChange: changes.length === 0 ? NaN : changes.length / new Set(changes.map((c) => c.price)).size,
    fetchesPerSecond: Math.round((changes.length / MOVING_MS) * 1000 * 10) / 10,
    deliveries: latencies.length,
    missed,
    deliveryP50Ms: percentile(latencies, 50),
    deliveryP99Ms: percentile(latencies, 99),
    workerdRssMb: { beforeStreams: before.rssMb, withStreams: opened.rssMb, afterChanges: after.rssMb },
    workerdCpuSeconds: { openingStreams: Math.round((opened.cpuSeconds - before.cpuSeconds) * 10) / 10, duringChanges: Math.round((after.cpuSeconds - opened.cpuSeconds) * 10) / 10 },
  };
  console.log(`live fan-out: ${JSON.stringify(figures)}`);

  expect(refused.map((stream) => stream.events[0]?.payload?.errors?.[0]?.message)).toEqual([]);
  expect(changes.length).toBeGreaterThanOrEqual(2);
  // One fetch per freshness window (1 s) for the symbol, not one per subscriber.
  expect(changes.length).toBeLessThanOrEqual(Math.ceil(MOVING_MS / 1000) + 2);
  expect(figures.stockFetchesPerChange).toBe(1);
  expect(missed).toBe(0);
  expect(figures.deliveryP99Ms).toBeLessThan(2_000);
});
