/** The user service's argument shapes; the rules other Workers share are in shared/ (validation, names, symbols). */
import * as v from "valibot";
import { PersonName } from "../../../shared/names";
import { UserId } from "../../../shared/validation";

export { TickerSymbol } from "../../../shared/symbols";
export { parseInput, UserId, UserIds } from "../../../shared/validation";

export const MAX_WATCHLIST = 100;

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
