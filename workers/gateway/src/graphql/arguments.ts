/** Argument checks of the contract: malformed input is BAD_USER_INPUT saying which and why. */
import { badUserInput } from "./errors";

// Exchange symbols: letters, digits and . - ^ = (BRK.B, ^GSPC, EURUSD=X, BTC-USD).
const SYMBOL = /^[A-Z0-9.^=-]{1,20}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** " aapl " means "AAPL". */
export function symbolArg(value: string, argument = "symbol"): string {
  const symbol = value.trim().toUpperCase();
  if (!SYMBOL.test(symbol)) throw badUserInput(argument, `"${value.slice(0, 40)}" is not a ticker symbol`);
  return symbol;
}

export function symbolsArg(values: readonly string[], max: number): string[] {
  if (values.length < 1 || values.length > max) throw badUserInput("symbols", `give 1 to ${max} symbols, not ${values.length}`);
  return values.map((v) => symbolArg(v, "symbols"));
}

export function intArg(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(argument, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function textArg(argument: string, value: string, min: number, max: number): string {
  const text = value.trim();
  if (text.length < min || text.length > max) {
    throw badUserInput(argument, `must be ${min} to ${max} characters after trimming`);
  }
  return text;
}

export function idArg(argument: string, value: string): string {
  if (!UUID.test(value)) throw badUserInput(argument, "is not a user id");
  return value.toLowerCase();
}
