/** RPC input validation: bad input is a BAD_USER_INPUT value naming the field, never a throw. */
import * as v from "valibot";
import type { FieldError } from "../../../shared/errors";
import { failure, type RpcResult } from "../../../shared/rpc";
import { TickerSymbol } from "../../../shared/symbols";
import { HISTORY_PERIODS, type HistoryPeriod } from "./types";

export const MAX_SYMBOLS_PER_CALL = 100;

const Symbols = v.pipe(
  v.array(TickerSymbol, "must be a list of symbols"),
  v.minLength(1, "must list at least one symbol"),
  v.maxLength(MAX_SYMBOLS_PER_CALL, `must list at most ${MAX_SYMBOLS_PER_CALL} symbols`),
  v.transform((symbols) => [...new Set(symbols)]),
);

const Period = v.picklist(HISTORY_PERIODS, `must be one of ${HISTORY_PERIODS.join(", ")}`);

const SearchInput = v.object({
  query: v.pipe(v.string("must be a string"), v.trim(), v.minLength(1, "must not be empty"), v.maxLength(64, "must be at most 64 characters")),
  limit: v.pipe(v.number("must be a number"), v.integer("must be an integer"), v.minValue(1, "must be at least 1"), v.maxValue(25, "must be at most 25")),
});

type Parsed<T> = { ok: true; value: T } | { ok: false; failure: RpcResult<never> };

function parse<S extends v.GenericSchema>(schema: S, input: unknown, field: string): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const details: FieldError[] = result.issues.map((issue) => ({
    field: [field, ...(issue.path ?? []).map((p) => String(p.key))].filter(Boolean).join("."),
    message: issue.message,
  }));
  return { ok: false, failure: failure("BAD_USER_INPUT", `Invalid ${field || "input"}: ${details[0]!.message}`, details) };
}

export const parseSymbols = (symbols: unknown): Parsed<string[]> => parse(Symbols, symbols, "symbols");
export const parsePeriod = (period: unknown): Parsed<HistoryPeriod> => parse(Period, period, "period");
export const parseSearch = (query: unknown, limit: unknown): Parsed<{ query: string; limit: number }> =>
  parse(SearchInput, { query, limit }, "");
