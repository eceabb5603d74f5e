/**
 * The real stock service with scripted prices, bound as the trading Worker's STOCK in the
 * integration tests and the bench (scripts/testing/platform.ts standIn): every call goes
 * to the real fafnir-stock through REAL; a quote of a symbol the test scripted keeps the
 * real quote but says the scripted price, with a new asOf at each change, so a test can
 * move a quote and watch the symbol book act on it.
 */
import { WorkerEntrypoint } from "cloudflare:workers";

interface Quote {
  price: number;
  asOf: string;
}

type Answer = { ok: true; value: Record<string, Quote> } | { ok: false; error: unknown };

interface Env {
  REAL: Record<string, (...args: unknown[]) => Promise<unknown>> & { quotes(meta: unknown, symbols: string[]): Promise<Answer> };
}

const scripted = new Map<string, Quote>();

export default class ScriptedStock extends WorkerEntrypoint<Env> {
  setPrice(symbol: string, price: number): void {
    scripted.set(symbol, { price, asOf: new Date().toISOString() });
  }

  clear(): void {
    scripted.clear();
  }

  async quotes(meta: unknown, symbols: string[]): Promise<Answer> {
    const answer = await this.env.REAL.quotes(meta, symbols);
    if (!answer.ok) return answer;
    for (const [symbol, quote] of Object.entries(answer.value)) {
      const script = scripted.get(symbol);
      if (script) answer.value[symbol] = { ...quote, ...script };
    }
    return answer;
  }

  health(...args: unknown[]) {
    return this.env.REAL.health!(...args);
  }

  instruments(...args: unknown[]) {
    return this.env.REAL.instruments!(...args);
  }

  history(...args: unknown[]) {
    return this.env.REAL.history!(...args);
  }

  search(...args: unknown[]) {
    return this.env.REAL.search!(...args);
  }
}
