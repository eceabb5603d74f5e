/**
 * The embedded simulated provider: a pure function of (symbol, time bucket), so dev,
 * tests and benchmarks run offline and reproducibly. Daily bars are a seeded random walk
 * from a fixed epoch over weekdays; intraday, the price moves per time bucket from the
 * day's open towards its close, always within the day's range.
 */
import { seedInstruments } from "../seed/instruments";
import { addDays, easternTime, isTradingDay, OPEN_MINUTES, CLOSE_MINUTES, sessionClose, tradingDayAtOrBefore, marketState } from "../../../../shared/exchange-calendar";
import type { DailyBar, Instrument, Quote, SearchResult } from "../contract";
import { round2, withChange, type QuoteProvider } from "./provider";

/** The first simulated trading day: more than five years of history for every instrument. */
export const SIMULATED_EPOCH = "2019-01-02";
/** Quotes are identical within one bucket and move between buckets. */
export const BUCKET_MS = 15_000;
const YEAR_OF_SESSIONS = 252;

const universe = new Map<string, Instrument>(seedInstruments.map((i) => [i.symbol, { ...i }]));

/** FNV-1a: a stable 32-bit seed from a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a tiny, fast, seedable PRNG. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const gaussian = (random: () => number): number =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

interface Profile {
  startPrice: number;
  volatility: number;
  baseVolume: number;
  sharesOutstanding: number | null;
}

function profileOf(instrument: Instrument): Profile {
  const random = prng(hash(`profile:${instrument.symbol}`));
  return {
    startPrice: 20 + random() * 480,
    volatility: 0.01 + random() * 0.02,
    baseVolume: Math.round(2e6 + random() * 6e7),
    sharesOutstanding: instrument.instrumentType === "EQUITY" ? Math.round(2e8 + random() * 1.5e10) : null,
  };
}

/** Each symbol's series from the epoch, extended on demand and kept for the isolate's life. */
const seriesBySymbol = new Map<string, DailyBar[]>();

function seriesThrough(symbol: string, profile: Profile, through: string): DailyBar[] {
  let bars = seriesBySymbol.get(symbol);
  if (!bars) seriesBySymbol.set(symbol, (bars = []));
  let date = bars.length ? addDays(bars.at(-1)!.date, 1) : SIMULATED_EPOCH;
  let previousClose = bars.at(-1)?.close ?? round2(profile.startPrice);
  for (; date <= through; date = addDays(date, 1)) {
    if (!isTradingDay(date)) continue;
    const random = prng(hash(`${symbol}:${date}`));
    const open = round2(previousClose * Math.exp(0.3 * profile.volatility * gaussian(random)));
    const close = round2(previousClose * Math.exp(0.0002 + profile.volatility * gaussian(random)));
    const high = round2(Math.max(open, close) * (1 + 0.6 * profile.volatility * random()));
    const low = round2(Math.min(open, close) * (1 - 0.6 * profile.volatility * random()));
    const volume = Math.round(profile.baseVolume * (0.6 + 0.8 * random()));
    bars.push({ date, open, high, low, close, volume });
    previousClose = close;
  }
  return bars;
}

/** Index of the last bar dated at or before `date`, or -1. */
function lastIndexAtOrBefore(bars: DailyBar[], date: string): number {
  let lo = 0;
  let hi = bars.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

interface Session {
  /** The trading day whose prices the quote shows. */
  date: string;
  /** Share of its regular session elapsed, 0..1. */
  progress: number;
}

function sessionAt(at: Date): Session {
  const { date, minutes } = easternTime(at);
  if (isTradingDay(date) && minutes >= OPEN_MINUTES) {
    return { date, progress: Math.min(1, (minutes + at.getUTCSeconds() / 60 - OPEN_MINUTES) / (CLOSE_MINUTES - OPEN_MINUTES)) };
  }
  return { date: tradingDayAtOrBefore(addDays(date, -1)), progress: 1 };
}

/** The day's bar as seen `progress` of the way through its session. */
function intradayBar(symbol: string, bar: DailyBar, progress: number, bucket: number, volatility: number): DailyBar {
  if (progress >= 1) return bar;
  const random = prng(hash(`${symbol}@${bucket}`));
  const trend = bar.open + (bar.close - bar.open) * progress;
  const noise = gaussian(random) * volatility * bar.open * Math.sqrt(progress * (1 - progress));
  const price = round2(Math.min(bar.high, Math.max(bar.low, trend + noise)));
  const reach = Math.sqrt(progress);
  return {
    date: bar.date,
    open: bar.open,
    close: price,
    high: round2(Math.max(bar.open, price, bar.open + (bar.high - bar.open) * reach)),
    low: round2(Math.min(bar.open, price, bar.open - (bar.open - bar.low) * reach)),
    volume: Math.round(bar.volume * progress),
  };
}

export function createSimulatedProvider(): QuoteProvider {
  const profiles = new Map<string, Profile>();
  const profile = (instrument: Instrument) => {
    let p = profiles.get(instrument.symbol);
    if (!p) profiles.set(instrument.symbol, (p = profileOf(instrument)));
    return p;
  };

  function quote(instrument: Instrument, now: Date): Quote {
    const bucket = Math.floor(now.getTime() / BUCKET_MS);
    const observed = new Date(bucket * BUCKET_MS);
    const session = sessionAt(observed);
    const p = profile(instrument);
    const bars = seriesThrough(instrument.symbol, p, session.date);
    const index = lastIndexAtOrBefore(bars, session.date);
    const today = intradayBar(instrument.symbol, bars[index]!, session.progress, bucket, p.volatility);
    const previousClose = index > 0 ? bars[index - 1]!.close : today.open;
    const year = bars.slice(Math.max(0, index - YEAR_OF_SESSIONS + 1), index).concat(today);
    return withChange({
      symbol: instrument.symbol,
      price: today.close,
      open: today.open,
      previousClose,
      volume: today.volume,
      marketCap: p.sharesOutstanding === null ? null : Math.round(p.sharesOutstanding * today.close),
      dayLow: today.low,
      dayHigh: today.high,
      yearLow: Math.min(...year.map((b) => b.low)),
      yearHigh: Math.max(...year.map((b) => b.high)),
      source: "simulated",
      asOf: (session.progress < 1 ? observed : sessionClose(session.date)).toISOString(),
      marketState: marketState(observed),
      stale: false,
    });
  }

  return {
    name: "simulated",
    batchesQuotes: true,
    async quotes(symbols, now) {
      const answer = new Map<string, Quote>();
      for (const symbol of symbols) {
        const instrument = universe.get(symbol);
        if (instrument) answer.set(symbol, quote(instrument, now));
      }
      return answer;
    },
    async history(symbol, from, to, now) {
      const instrument = universe.get(symbol);
      if (!instrument) return [];
      const p = profile(instrument);
      const bucket = Math.floor(now.getTime() / BUCKET_MS);
      const session = sessionAt(new Date(bucket * BUCKET_MS));
      const last = to < session.date ? to : session.date;
      const bars = seriesThrough(symbol, p, last);
      const end = lastIndexAtOrBefore(bars, last);
      const start = lastIndexAtOrBefore(bars, addDays(from, -1)) + 1;
      const range = bars.slice(start, end + 1);
      if (range.at(-1)?.date === session.date) range[range.length - 1] = intradayBar(symbol, range.at(-1)!, session.progress, bucket, p.volatility);
      return range;
    },
    async search(query) {
      const needle = query.toUpperCase();
      const matches: SearchResult[] = [];
      // The universe is small: every match goes to the ranking, which then applies the limit.
      for (const i of universe.values()) {
        if (i.symbol.includes(needle) || i.name.toUpperCase().includes(needle)) {
          matches.push({ symbol: i.symbol, name: i.name, exchange: i.exchange, instrumentType: i.instrumentType });
        }
      }
      return matches;
    },
    async instruments(symbols) {
      return new Map(symbols.flatMap((s) => (universe.has(s) ? [[s, { ...universe.get(s)! }] as const] : [])));
    },
  };
}
