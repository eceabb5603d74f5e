import { Redis } from "@upstash/redis/cloudflare";
import { describe, expect, inject, it } from "vitest";
import "../../test/upstash-context";
import { countingCache, countingProvider, failingProvider, log, testDeps, WEDNESDAY_NOON } from "../../test/support";
import { createSimulatedProvider } from "../providers/simulated";
import { getQuotes } from "../quotes";
import { seedInstruments } from "../seed/instruments";
import { LAST_KNOWN_TTL_SECONDS, quoteKey } from "./quote-cache";
import { upstashCache } from "./upstash";

const upstash = inject("upstash");
const server = "url" in upstash ? upstash : undefined;
if (!server && "missing" in upstash) console.warn(`Upstash Redis cache tests skipped: ${upstash.missing}`);

describe.skipIf(!server)("upstash cache against a real redis-server over the Upstash REST protocol", () => {
  const options = { url: server?.url ?? "", token: server?.token ?? "" };
  const direct = () => new Redis({ ...options, enableTelemetry: false });

  it("writes with a TTL and reads many keys in one call, absent keys left out", async () => {
    const cache = upstashCache(options);
    const prefix = crypto.randomUUID();
    await cache.putMany(
      [
        { key: `${prefix}:a`, value: { n: 1, text: "é ✓" } },
        { key: `${prefix}:b`, value: { n: 2 } },
      ],
      120,
    );
    const found = await cache.getMany([`${prefix}:a`, `${prefix}:missing`, `${prefix}:b`]);
    expect(found).toEqual(
      new Map<string, unknown>([
        [`${prefix}:a`, { n: 1, text: "é ✓" }],
        [`${prefix}:b`, { n: 2 }],
      ]),
    );
    const ttl = await direct().ttl(`${prefix}:a`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it("backs the quote cache: a 50-symbol batch is one multi-read, then served from Redis", async () => {
    const symbols = seedInstruments.slice(0, 50).map((i) => i.symbol);
    const provider = countingProvider(createSimulatedProvider());
    const cache = countingCache(upstashCache(options));
    const at = new Date(WEDNESDAY_NOON.getTime() + 7 * 86_400_000); // a bucket no other test used
    const first = await getQuotes(testDeps({ providers: [provider.target], cache: cache.target, at }), symbols, log);
    expect(cache.calls["cache.getMany"]).toBe(1);
    expect(provider.calls["simulated.quotes"]).toBe(1);
    expect(await direct().ttl(quoteKey("AAPL"))).toBeGreaterThan(LAST_KNOWN_TTL_SECONDS - 60);

    const again = await getQuotes(testDeps({ providers: [provider.target], cache: cache.target, at }), symbols, log);
    expect(again).toEqual(first);
    expect(provider.calls["simulated.quotes"]).toBe(1);

    const stale = await getQuotes(testDeps({ providers: [failingProvider("yahoo")], cache: cache.target, at: new Date(at.getTime() + 60_000) }), ["AAPL"], log);
    expect(stale.AAPL).toEqual({ ...first.AAPL, stale: true });
  });

  it("reads what @upstash/redis wrote, and writes what it reads (entries survive the change of client)", async () => {
    const prefix = crypto.randomUUID();
    const value = { quote: { symbol: "AAPL", price: 1.5, name: "é ✓ \"q\"" }, fetchedAt: 1 };
    await direct().set(`${prefix}:library`, value, { ex: 60 });
    await upstashCache(options).putMany([{ key: `${prefix}:ours`, value }], 60);
    expect(await upstashCache(options).getMany([`${prefix}:library`])).toEqual(new Map([[`${prefix}:library`, value]]));
    expect(await direct().get(`${prefix}:ours`)).toEqual(value);
  });

  it("fails a read with a wrong token (the quote service then answers without the cache)", async () => {
    await expect(upstashCache({ ...options, token: "wrong" }).getMany(["x"])).rejects.toThrow(/Unauthorized/);
  });
});
