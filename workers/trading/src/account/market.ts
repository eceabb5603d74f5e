/**
 * The stock service as the account asks it, before a decision: the instrument and the
 * quote of one symbol, the price converted once to scale 4 (shared/decimal.ts).
 */
import { fromQuotePrice } from "../../../../shared/decimal";
import type { CallMeta } from "../../../../shared/rpc";
import { callRpc, ServiceUnavailable, type RpcCaller } from "../../../../shared/rpc-client";
import type { Candle, Instrument, Quote } from "../../../stock/src/contract";
import type { HistoryPeriod } from "../../../stock/src/contract";
import type { MarketFacts, MarketQuote } from "./ledger";

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** What the account reads of the stock service (the binding, or the scripted fake in tests). */
export interface StockSource {
  instruments(meta: CallMeta, symbols: string[]): Promise<Answer<Record<string, Instrument>>>;
  quotes(meta: CallMeta, symbols: string[]): Promise<Answer<Record<string, Quote>>>;
  history(meta: CallMeta, symbols: string[], period: HistoryPeriod): Promise<Answer<Record<string, Candle[]>>>;
}

/** A usable quote: a positive finite price (`stale` ones included, trading.md). */
export function marketQuote(quote: Quote | undefined): MarketQuote | null {
  if (!quote || !Number.isFinite(quote.price) || quote.price <= 0) return null;
  const price = fromQuotePrice(quote.price);
  return price > 0n ? { price, marketState: quote.marketState } : null;
}

function valueOf<T>(answer: Answer<T>, method: string): T {
  if (!answer.ok) throw new Error(`stock.${method} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

/**
 * The instrument (an unknown symbol is absent: BAD_USER_INPUT later) and the quote. A
 * failing quote call is "no quote can be had" (NO_QUOTE); a failing instrument call throws,
 * since without it the symbol cannot be judged.
 */
export async function marketFacts(stock: StockSource, caller: RpcCaller, meta: CallMeta, symbol: string): Promise<MarketFacts> {
  const [instruments, quotes] = await Promise.all([
    callRpc(caller, "stock", "instruments", () => stock.instruments(meta, [symbol])),
    callRpc(caller, "stock", "quotes", () => stock.quotes(meta, [symbol])).catch((error: unknown) => {
      if (error instanceof ServiceUnavailable) return null;
      throw error;
    }),
  ]);
  const instrument = valueOf(instruments, "instruments")[symbol];
  return {
    instrumentType: instrument?.instrumentType ?? null,
    quote: quotes?.ok ? marketQuote(quotes.value[symbol]) : null,
  };
}

/** Current quotes of `symbols` (none asked: none), usable ones only. */
export async function currentQuotes(stock: StockSource, caller: RpcCaller, meta: CallMeta, symbols: string[]): Promise<Record<string, MarketQuote>> {
  const out: Record<string, MarketQuote> = {};
  for (const batch of batches(symbols)) {
    const answer = await callRpc(caller, "stock", "quotes", () => stock.quotes(meta, batch));
    for (const [symbol, quote] of Object.entries(valueOf(answer, "quotes"))) {
      const usable = marketQuote(quote);
      if (usable) out[symbol] = usable;
    }
  }
  return out;
}

/** Daily closes of `symbols` over the period at scale 4, oldest first: one call per 100 symbols. */
export async function dailyCloses(stock: StockSource, caller: RpcCaller, meta: CallMeta, symbols: string[], period: HistoryPeriod): Promise<Record<string, { date: string; close: bigint }[]>> {
  const out: Record<string, { date: string; close: bigint }[]> = {};
  for (const batch of batches(symbols)) {
    const answer = await callRpc(caller, "stock", "history", () => stock.history(meta, batch, period));
    for (const [symbol, candles] of Object.entries(valueOf(answer, "history"))) {
      out[symbol] = candles.filter((c) => Number.isFinite(c.close) && c.close > 0).map((c) => ({ date: c.date, close: fromQuotePrice(c.close) }));
    }
  }
  return out;
}

/** The stock service takes at most 100 symbols a call. */
function batches(symbols: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < symbols.length; i += 100) out.push(symbols.slice(i, i + 100));
  return out;
}
