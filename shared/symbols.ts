/**
 * The one ticker-symbol rule (schema.graphql: case-insensitive on input, upper-case on
 * output). The gateway's arguments, the stock service's RPC input and the user service's
 * watchlist all check symbols with it, so no layer takes a symbol another refuses: a
 * symbol the gateway let through and the stock service refused would fail every symbol
 * batched with it.
 */
import * as v from "valibot";

export const SYMBOL_MAX_LENGTH = 20;

/**
 * Indices "^GSPC", share classes "BRK.B" / "BRK-B", pairs "EURUSD=X", crypto "BTC-USD",
 * listings "0700.HK". ASCII only, tested before upper-casing: "ß", "ı" or "ﬀ" upper-case
 * to ASCII letters but are not symbols.
 */
const SYMBOL_SHAPE = /^\^?[A-Z0-9][A-Z0-9.=-]*$/i;

export const SYMBOL_RULE = `1 to ${SYMBOL_MAX_LENGTH} letters, digits, ".", "-" or "=", beginning with a letter or digit (after an optional "^")`;

/** " aapl " is "AAPL"; null when `input` is not a symbol. */
export function parseSymbol(input: string): string | null {
  const trimmed = input.trim();
  return trimmed.length <= SYMBOL_MAX_LENGTH && SYMBOL_SHAPE.test(trimmed) ? trimmed.toUpperCase() : null;
}

/** The rule for valibot (RPC input): the normalized symbol, or an issue saying why not. */
export const TickerSymbol = v.pipe(
  v.string("must be a string"),
  v.check((input) => parseSymbol(input) !== null, `must be a ticker symbol: ${SYMBOL_RULE}`),
  v.transform((input) => parseSymbol(input)!),
);
