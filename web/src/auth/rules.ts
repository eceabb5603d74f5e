/**
 * The input rules of auth-api.md, checked in the browser before a request so that a person
 * hears about a mistake at once. The server stays the authority: it checks the same rules
 * (and more, such as common passwords) and its message is the one shown when it refuses.
 * Each rule answers undefined for a valid value, else a sentence naming the field.
 */

export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX_CHARACTERS = 100;

export type Rule = (value: string) => string | undefined;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** User-perceived characters: an emoji, a ZWJ family or a letter with its accents is one. */
export const characterCount = (text: string) => [...graphemes.segment(text)].length;

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

/** A first or last name: `label` names the field in the message ("First name"). */
export const personName =
  (label: string): Rule =>
  (value) => {
    if (!value.isWellFormed()) return `${label} contains a character that cannot be stored.`;
    const name = value.trim();
    if (name === "") return `Enter your ${label.toLowerCase()}.`;
    if (characterCount(name) > NAME_MAX_CHARACTERS) return `${label} must be at most ${NAME_MAX_CHARACTERS} characters.`;
    if (/\p{Cc}/u.test(name)) return `${label} must not contain control characters.`;
    return undefined;
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
