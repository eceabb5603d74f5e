/** The user service's own argument shapes (the common ones are in shared/validation.ts). */
import * as v from "valibot";
import { UserId } from "../../../shared/validation";

export { parseInput, UserId, UserIds } from "../../../shared/validation";

export const MAX_WATCHLIST = 100;

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
