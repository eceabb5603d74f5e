/** Argument checks of the contract: malformed input is BAD_USER_INPUT saying which and why. */
import type { GraphQLError } from "graphql";
import * as v from "valibot";
import { PersonName } from "../../../../shared/names";
import { parseSymbol, SYMBOL_RULE } from "../../../../shared/symbols";
import { badUserInput } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notASymbol = (argument: string, value: string) =>
  badUserInput(argument, `"${value.slice(0, 40)}" is not a ticker symbol (${SYMBOL_RULE})`);

/** " aapl " means "AAPL" (the rule is shared/symbols.ts, the stock service's too). */
export function symbolArg(value: string, argument = "symbol"): string {
  const symbol = parseSymbol(value);
  if (symbol === null) throw notASymbol(argument, value);
  return symbol;
}

/**
 * 1 to `max` symbols, each normalized or, in its place, its own BAD_USER_INPUT: a
 * malformed entry fails that entry, never the entries beside it.
 */
export function symbolsArg(values: readonly string[], max: number): (string | GraphQLError)[] {
  if (values.length < 1 || values.length > max) throw badUserInput("symbols", `give 1 to ${max} symbols, not ${values.length}`);
  return values.map((value) => parseSymbol(value) ?? notASymbol("symbols", value));
}

/** A first or last name by the contract's rule (shared/names.ts), trimmed. */
export function nameArg(argument: string, value: string): string {
  const result = v.safeParse(PersonName, value);
  if (!result.success) throw badUserInput(argument, result.issues[0].message);
  return result.output;
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
