/** Validation of RPC arguments: bad input is a BAD_USER_INPUT value naming each field, never a throw. */
import * as v from "valibot";
import { failure, success, type RpcResult } from "../../../shared/rpc";

export const MAX_BATCH = 100;
export const MAX_WATCHLIST = 100;

export const UserId = v.pipe(v.string("must be a string"), v.uuid("must be a UUID"));

/** 1..100 ids, deduplicated. */
export const UserIds = v.pipe(
  v.array(UserId, "must be a list of UUIDs"),
  v.minLength(1, "must list at least one id"),
  v.maxLength(MAX_BATCH, `must list at most ${MAX_BATCH} ids`),
  v.transform((ids) => [...new Set(ids)]),
);

/** A first or last name: trimmed, 1..100 characters (graphemes, so accents and emoji count once), no control characters. */
export const PersonName = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.minLength(1, "must not be empty"),
  v.maxGraphemes(100, "must be at most 100 characters"),
  v.regex(/^\P{Cc}*$/u, "must not contain control characters"),
);

export const NewProfile = v.object({ userId: UserId, firstName: PersonName, lastName: PersonName });

/** A profile change; a null field is an absent one (GraphQL input may send explicit nulls). */
export const ProfilePatch = v.pipe(
  v.object(
    {
      firstName: v.nullish(PersonName),
      lastName: v.nullish(PersonName),
    },
    "must be an object",
  ),
  v.transform(({ firstName, lastName }) => ({
    ...(firstName == null ? {} : { firstName }),
    ...(lastName == null ? {} : { lastName }),
  })),
  v.check((patch) => Object.keys(patch).length > 0, "must change at least one field"),
);

/**
 * A ticker as providers spell it, normalized: " brk.b " is "BRK.B". Whether it exists is
 * the stock service's answer; here only its shape (indices "^GSPC", pairs "EURUSD=X",
 * crypto "BTC-USD", share classes "BRK.B").
 */
export const TickerSymbol = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^\^?[A-Z0-9][A-Z0-9.=-]{0,19}$/, "must be a ticker symbol (letters, digits, '.', '-', '='; at most 21 characters)"),
);

/** Parses `input`, or answers BAD_USER_INPUT with one detail per invalid field. */
export function parseInput<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): RpcResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input);
  if (result.success) return success(result.output);
  const details = result.issues.map((issue) => ({
    field: issue.path?.map((item) => String(item.key)).join(".") ?? "input",
    message: issue.message,
  }));
  const summary = details.map((d) => `${d.field} ${d.message}`).join("; ");
  return failure("BAD_USER_INPUT", `Invalid input: ${summary}`, details);
}
