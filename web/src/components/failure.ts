/**
 * A refused request as a form shows it: a sentence for the form's alert and, for bad input,
 * a message per field. The server is the authority, so its own words are shown; a field's
 * message gets the field's label in front ("Password must be at least 8 characters.").
 */
import { CombinedError } from "urql";
import { AuthError, UNREACHABLE } from "../auth/api";
import type { FieldErrors } from "../auth/rules";

export interface Failure<Name extends string> {
  message?: string;
  fields: FieldErrors<Name>;
}

/** "must not be empty" under "First name" reads "First name must not be empty." */
export function fieldSentence(label: string, message: string): string {
  const sentence = /^\p{Ll}/u.test(message) ? `${label} ${message}` : message;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Seconds as a person says them: "30 seconds", "about 15 minutes", "about 2 hours". */
export function retryInWords(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds < 60) return plural(Math.ceil(seconds), "second");
  if (seconds < 3600) return `about ${plural(Math.ceil(seconds / 60), "minute")}`;
  return `about ${plural(Math.ceil(seconds / 3600), "hour")}`;
}

/** Which field a refusal without `details` is about, by its code (CONFLICT: the email). */
export type FieldOfCode<Name extends string> = Partial<Record<string, Name>>;

function authFailure<Name extends string>(error: AuthError, labels: Record<Name, string>, fieldOfCode: FieldOfCode<Name>): Failure<Name> {
  const field = fieldOfCode[error.code];
  if (field) return { fields: { [field]: error.message } as FieldErrors<Name> };
  const fields: FieldErrors<Name> = {};
  const unplaced: string[] = [];
  for (const detail of error.details) {
    if (detail.field in labels) fields[detail.field as Name] = fieldSentence(labels[detail.field as Name], detail.message);
    else unplaced.push(fieldSentence(detail.field, detail.message));
  }
  const retry = error.code === "RATE_LIMITED" && error.retryAfterSeconds ? ` You can try again in ${retryInWords(error.retryAfterSeconds)}.` : "";
  return { message: [error.message + retry, ...unplaced].join(" "), fields };
}

/** BAD_USER_INPUT names its argument ("input.firstName") and starts its message with it. */
function graphQLFailure<Name extends string>(error: CombinedError, labels: Record<Name, string>): Failure<Name> {
  if (error.networkError || error.graphQLErrors.length === 0) return { message: UNREACHABLE, fields: {} };
  const fields: FieldErrors<Name> = {};
  const unplaced: string[] = [];
  for (const { message, extensions } of error.graphQLErrors) {
    const argument = typeof extensions["argument"] === "string" ? extensions["argument"] : undefined;
    const field = argument?.split(".").at(-1);
    if (argument && field && field in labels) {
      fields[field as Name] = fieldSentence(labels[field as Name], message.replace(`${argument}: `, ""));
    } else unplaced.push(message);
  }
  return { message: unplaced.length ? [...new Set(unplaced)].join(" ") : undefined, fields };
}

export function failureOf<Name extends string>(error: unknown, labels: Record<Name, string>, fieldOfCode: FieldOfCode<Name> = {}): Failure<Name> {
  if (error instanceof AuthError) return authFailure(error, labels, fieldOfCode);
  if (error instanceof CombinedError) return graphQLFailure(error, labels);
  return { message: "Something went wrong. Try again.", fields: {} };
}

/** Whether a GraphQL error is about `field` (its path names it): a page's part that failed while the rest answered. */
export const failedAt = (error: CombinedError | undefined, field: string): boolean =>
  error?.graphQLErrors.some((e) => e.path?.includes(field)) ?? false;
