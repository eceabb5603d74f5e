/**
 * The input rules of auth-api.md, checked in the browser before a request so that a person
 * hears about a mistake at once. The server stays the authority: it checks the same rules
 * (and more, such as common passwords) and its message is the one shown when it refuses.
 * Each rule answers undefined for a valid value, else a sentence naming the field.
 */
import * as v from "valibot";
import { PersonName } from "../../../shared/names";

export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type Rule = (value: string) => string | undefined;

/** For signing in: any address that could be one (the server answers for unknown ones). */
export function signInEmail(value: string): string | undefined {
  const email = value.trim();
  if (email === "") return "Enter your email address.";
  if (email.length > EMAIL_MAX_LENGTH) return `Email must be at most ${EMAIL_MAX_LENGTH} characters.`;
  return undefined;
}

/** For a new account: also the shape of an address (the server's check is stricter). */
export function newEmail(value: string): string | undefined {
  const problem = signInEmail(value);
  if (problem) return problem;
  if (!/^[^\s@]+@[^\s@]+$/.test(value.trim())) return "Enter an email address such as name@example.com.";
  return undefined;
}

/** A password being checked (sign-in, confirming a change or a deletion); `label` names the field. */
export const givenPassword =
  (label = "Password"): Rule =>
  (value) => {
    if (value === "") return `Enter your ${label.toLowerCase()}.`;
    if (value.length > PASSWORD_MAX_LENGTH) return `${label} must be at most ${PASSWORD_MAX_LENGTH} characters.`;
    if (!value.isWellFormed()) return `${label} contains a character that cannot be stored.`;
    return undefined;
  };

/** A password being chosen. Counted as the server counts it (UTF-16 code units). */
export const newPassword =
  (label = "Password"): Rule =>
  (value) => {
    if (value.length < PASSWORD_MIN_LENGTH) return `${label} must be at least ${PASSWORD_MIN_LENGTH} characters.`;
    return givenPassword(label)(value);
  };

/**
 * A first or last name, by the platform's one rule for names (shared/names.ts, which auth,
 * the gateway and the user service check too), in its words ("First name must be at most 100
 * characters."); an empty field is asked for as every other field is.
 */
export const personName =
  (label: string): Rule =>
  (value) => {
    if (value.trim() === "") return `Enter your ${label.toLowerCase()}.`;
    const result = v.safeParse(PersonName, value);
    return result.success ? undefined : `${label} ${result.issues[0].message}.`;
  };

export type FieldErrors<Name extends string> = Partial<Record<Name, string>>;

/** Every field's first problem; an empty object when all are valid. */
export function check<Name extends string>(rules: Record<Name, Rule>, values: Record<Name, string>): FieldErrors<Name> {
  const errors: FieldErrors<Name> = {};
  for (const name of Object.keys(rules) as Name[]) {
    const problem = rules[name](values[name]);
    if (problem) errors[name] = problem;
  }
  return errors;
}
