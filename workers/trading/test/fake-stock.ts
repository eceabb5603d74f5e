/**
 * The stock service as the trading tests script it (a Worker of its own, bound as STOCK):
 * instruments, quotes and daily history that a test sets, an optional delay before a
 * quote (so an order's await of it is a real gap in which other calls run), and failures.
 */
export const FAKE_STOCK_SCRIPT = `
import { WorkerEntrypoint } from "cloudflare:workers";
let instruments = new Map();
let quotes = new Map();
let history = new Map();
let delayMs = 0;
let failing = new Set();
let calls = [];
const pause = () => (delayMs ? new Promise((resolve) => setTimeout(resolve, delayMs)) : Promise.resolve());
export default class FakeStock extends WorkerEntrypoint {
  reset() { instruments = new Map(); quotes = new Map(); history = new Map(); delayMs = 0; failing = new Set(); calls = []; }
  list(symbol, instrumentType = "EQUITY") {
    instruments.set(symbol, { symbol, name: symbol + " Inc.", exchange: "NMS", exchangeFullName: "NASDAQ", currency: "USD", instrumentType });
  }
  setQuote(symbol, price, marketState = "REGULAR") {
    quotes.set(symbol, { symbol, price, open: price, previousClose: price, change: 0, changePercent: 0, volume: 1, marketCap: null, dayLow: price, dayHigh: price, yearLow: price, yearHigh: price, source: "fake", asOf: new Date().toISOString(), marketState, stale: false });
  }
  dropQuote(symbol) { quotes.delete(symbol); }
  setHistory(symbol, bars) { history.set(symbol, bars.map((b) => ({ date: b.date, open: b.close, high: b.close, low: b.close, close: b.close, volume: 1, change: 0, changePercent: 0 }))); }
  setDelay(ms) { delayMs = ms; }
  fail(method, on = true) { on ? failing.add(method) : failing.delete(method); }
  calls() { return calls; }
  async instruments(_meta, symbols) {
    calls.push({ method: "instruments", symbols });
    if (failing.has("instruments")) throw new Error("scripted instruments failure");
    const value = {};
    for (const s of symbols) if (instruments.has(s)) value[s] = instruments.get(s);
    return { ok: true, value };
  }
  async quotes(_meta, symbols) {
    calls.push({ method: "quotes", symbols });
    await pause();
    if (failing.has("quotes")) throw new Error("scripted quotes failure");
    const value = {};
    for (const s of symbols) if (quotes.has(s)) value[s] = quotes.get(s);
    return { ok: true, value };
  }
  async history(_meta, symbols, period) {
    calls.push({ method: "history", symbols, period });
    const value = {};
    for (const s of symbols) if (history.has(s)) value[s] = history.get(s);
    return { ok: true, value };
  }
}
`;

/** The fake's controls, as a test calls them through env.STOCK. */
export interface FakeStock {
  reset(): Promise<void>;
  list(symbol: string, instrumentType?: string): Promise<void>;
  /** The price as the stock contract carries it: a JS number (converted once by the account). */
  setQuote(symbol: string, price: number, marketState?: string): Promise<void>;
  dropQuote(symbol: string): Promise<void>;
  setHistory(symbol: string, bars: { date: string; close: number }[]): Promise<void>;
  setDelay(ms: number): Promise<void>;
  fail(method: "instruments" | "quotes", on?: boolean): Promise<void>;
  calls(): Promise<{ method: string; symbols: string[]; period?: string }[]>;
}
