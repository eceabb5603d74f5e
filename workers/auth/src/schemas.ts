/** Request bodies of the auth API (valibot): unknown fields are dropped, wrong types are 400. */
import * as v from "valibot";
import { PersonName } from "../../../shared/names";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password/policy";

const text = (message = "must be a string") =>
  v.string((issue) => (issue.input === undefined ? "is required" : message));

export const Email = v.pipe(
  text(),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254, "must be at most 254 characters"),
  v.email("must be an email address"),
);

/**
 * A lone surrogate would be hashed as U+FFFD, so two different inputs would be one password:
 * ill-formed text is refused, never altered.
 */
const wellFormed = v.check((password: string) => password.isWellFormed(), "must be well-formed text (no lone surrogates)");

/** A password being chosen: the length rule and not a common one. */
const NewPassword = v.pipe(
  text(),
  wellFormed,
  v.minLength(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`),
  v.maxLength(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
  v.check((password) => !isCommonPassword(password), "is too common: choose a less guessable password"),
);

/** A password being checked: anything that could be a password. */
const GivenPassword = v.pipe(
  text(),
  wellFormed,
  v.minLength(1, "is required"),
  v.maxLength(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
);

// Names: the one rule of shared/names.ts, the user service's and the gateway's too.
export const RegisterBody = v.object({ email: Email, password: NewPassword, firstName: PersonName, lastName: PersonName });
export const LoginBody = v.object({
  email: v.pipe(text(), v.trim(), v.toLowerCase(), v.maxLength(254, "must be at most 254 characters")),
  password: GivenPassword,
});
export const RefreshBody = v.object({ refreshToken: v.optional(v.pipe(text(), v.maxLength(256, "is not a refresh token"))) });
export const LogoutBody = v.object({
  refreshToken: v.optional(v.pipe(text(), v.maxLength(256, "is not a refresh token"))),
  all: v.optional(v.boolean("must be a boolean")),
});
export const PasswordBody = v.object({ currentPassword: GivenPassword, newPassword: NewPassword });
export const DeleteAccountBody = v.object({ password: GivenPassword });
