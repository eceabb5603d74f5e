/** The security service's own argument shapes (the common ones are in shared/validation.ts). */
import * as v from "valibot";
import { UserId } from "../../../shared/validation";

export { parseInput, UserId, UserIds } from "../../../shared/validation";

/** The admins that have an account, as the caller found them (any number, none included). */
export const AdminsWithAccount = v.pipe(v.array(UserId, "must be a list of UUIDs"), v.maxLength(10_000, "must list at most 10,000 ids"));

/** The shape of a role name; whether the role exists is the database's answer. */
export const RoleName = v.pipe(
  v.string("must be a string"),
  v.regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a role name (lower-case letters, digits, underscores)"),
);
