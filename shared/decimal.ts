/**
 * Exact decimals as scaled BigInts (trading.md "Money and quantities"): cash in cents
 * (scale 2), prices and quantities in ten-thousandths (scale 4). Text in, text out; a
 * binary float is never on the path, except where the stock service's `Quote.price`
 * (a JS number) enters it, once, through `fromQuotePrice`.
 *
 * Used by the trading Worker (the ledger), the gateway (position values) and the web app
 * (the order ticket's estimated cost), so that all three round the same way.
 */
export const CASH_SCALE = 2;
export const UNIT_SCALE = 4;

const DECIMAL = /^-?\d{1,16}(\.\d+)?$/;

/** "12.5" at scale 2 -> 1250n; null when not plain decimal text or it has more places than `scale`. */
export function parseDecimal(text: string, scale: number): bigint | null {
  if (!DECIMAL.test(text)) return null;
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = text.replace("-", "").split(".");
  if (fraction.length > scale) return null;
  const value = BigInt(whole! + fraction.padEnd(scale, "0"));
  return negative ? -value : value;
}

/** 1250n at scale 2 -> "12.50": always exactly `scale` places. */
export function formatDecimal(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** 15000n at scale 4 -> "1.5", 10000n -> "1": the fewest places that say the value (prices, quantities). */
export function formatTrimmed(value: bigint, scale: number): string {
  const text = formatDecimal(value, scale);
  return scale === 0 ? text : text.replace(/0+$/, "").replace(/\.$/, "");
}

/** a / b rounded half away from zero. */
export function divideRounded(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const [n, d] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (n + d / 2n) / d;
  return negative ? -q : q;
}

/** A value at scale `from` at scale `to`, rounded half away from zero when places are dropped. */
export const rescale = (value: bigint, from: number, to: number): bigint =>
  to >= from ? value * 10n ** BigInt(to - from) : divideRounded(value, 10n ** BigInt(from - to));

/** quantity (scale 4) * price (scale 4) in cents, half away from zero (trading.md). */
export const cashAmount = (quantity: bigint, price: bigint): bigint => divideRounded(quantity * price, 10n ** 6n);

/**
 * The stock service's `Quote.price` (a JS number) at scale 4: its shortest round-trip
 * text, rounded, so float noise (0.30000000000000004) never reaches an amount.
 */
export function fromQuotePrice(price: number): bigint {
  const [mantissa, exponent = "0"] = price.toExponential().split("e");
  const [whole, fraction = ""] = mantissa!.replace("-", "").split(".");
  const shift = Number(exponent) - fraction.length + UNIT_SCALE;
  const digits = BigInt(whole! + fraction);
  const scaled = shift >= 0 ? digits * 10n ** BigInt(shift) : divideRounded(digits, 10n ** BigInt(-shift));
  return price < 0 ? -scaled : scaled;
}

/**
 * part / whole * 100 as a number (the contract's Float percentages), computed in BigInt to
 * 6 places first: the only float is the final conversion. null when `whole` is zero.
 */
export function percentOf(part: bigint, whole: bigint): number | null {
  if (whole === 0n) return null;
  return Number(divideRounded(part * 100n * 10n ** 6n, whole)) / 1e6;
}
