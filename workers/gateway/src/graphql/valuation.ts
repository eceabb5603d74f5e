/**
 * The quote-dependent figures of a trading account (trading.md "The account"), in exact
 * decimals (shared/decimal.ts): the trading service answers the ledger, the gateway prices
 * it at the current quotes (`stale` ones included). Pure: resolvers/trading.ts feeds it.
 */
import type { AccountState, PositionState } from "../../../trading/src/contract";
import {
  CASH_SCALE,
  cashAmount,
  formatDecimal,
  formatTrimmed,
  fromQuotePrice,
  parseDecimal,
  percentOf,
  UNIT_SCALE,
} from "../../../../shared/decimal";

/** A position at one price: scaled BigInts (price and quantity at 4 places, money at 2). */
interface PricedPosition {
  price: bigint;
  marketValue: bigint;
  unrealizedPnl: bigint;
}

/** Text from the trading service is its own output: unparsable text is a bug, not input. */
function decimal(text: string, scale: number): bigint {
  const value = parseDecimal(text, scale);
  if (value === null) throw new Error(`trading answered ${JSON.stringify(text)}, not a decimal of at most ${scale} places`);
  return value;
}

/** marketValue = quantity * price and unrealizedPnl = marketValue - costBasis, to the cent. */
function pricePosition(position: PositionState, quotePrice: number): PricedPosition {
  const price = fromQuotePrice(quotePrice);
  const marketValue = cashAmount(decimal(position.quantity, UNIT_SCALE), price);
  return { price, marketValue, unrealizedPnl: marketValue - decimal(position.costBasis, CASH_SCALE) };
}

/** A Position's market fields; all null when no quote can be had for its symbol. */
export interface PositionFigures {
  marketPrice: string | null;
  marketValue: string | null;
  unrealizedPnl: string | null;
  unrealizedPnlPercent: number | null;
}

export function positionFigures(position: PositionState, quotePrice: number | null): PositionFigures {
  if (quotePrice === null) return { marketPrice: null, marketValue: null, unrealizedPnl: null, unrealizedPnlPercent: null };
  const priced = pricePosition(position, quotePrice);
  return {
    marketPrice: formatTrimmed(priced.price, UNIT_SCALE),
    marketValue: formatDecimal(priced.marketValue, CASH_SCALE),
    unrealizedPnl: formatDecimal(priced.unrealizedPnl, CASH_SCALE),
    unrealizedPnlPercent: percentOf(priced.unrealizedPnl, decimal(position.costBasis, CASH_SCALE)),
  };
}

export interface AccountFigures {
  positionsValue: string;
  unrealizedPnl: string;
  equity: string;
  totalReturn: string;
  totalReturnPercent: number;
}

/**
 * The account's sums over its positions, or the symbols without a quote: a sum over some
 * of the positions would be a wrong figure, so the caller answers SERVICE_UNAVAILABLE.
 */
export function accountFigures(
  account: AccountState,
  quotePrice: (symbol: string) => number | null,
): { figures: AccountFigures } | { unpriced: string[] } {
  const unpriced = account.positions.filter((position) => quotePrice(position.symbol) === null).map((position) => position.symbol);
  if (unpriced.length > 0) return { unpriced };
  const priced = account.positions.map((position) => pricePosition(position, quotePrice(position.symbol)!));
  const positionsValue = priced.reduce((sum, p) => sum + p.marketValue, 0n);
  const unrealizedPnl = priced.reduce((sum, p) => sum + p.unrealizedPnl, 0n);
  const equity = decimal(account.cash, CASH_SCALE) + positionsValue;
  const totalReturn = equity - decimal(account.netDeposits, CASH_SCALE);
  return {
    figures: {
      positionsValue: formatDecimal(positionsValue, CASH_SCALE),
      unrealizedPnl: formatDecimal(unrealizedPnl, CASH_SCALE),
      equity: formatDecimal(equity, CASH_SCALE),
      totalReturn: formatDecimal(totalReturn, CASH_SCALE),
      // No net deposits (a starting cash of zero, nothing deposited): no return to speak of.
      totalReturnPercent: percentOf(totalReturn, decimal(account.netDeposits, CASH_SCALE)) ?? 0,
    },
  };
}
