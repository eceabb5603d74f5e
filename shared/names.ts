/**
 * The one rule for people's names (auth-api.md "Names", schema.graphql UpdateProfileInput):
 * 1 to 100 characters after trimming, counted as user-perceived characters (grapheme
 * clusters, Intl.Segmenter: an emoji, a ZWJ family or a letter with combining accents is
 * one), no control characters, and well-formed text only. Auth's registration, the
 * gateway's updateProfile and the user service's RPC input all check names with it.
 *
 * Why well-formed: a lone surrogate ("\uD800", which JSON can carry as an escape) reaches
 * D1 as the bytes ED A0 80 and reads back as three U+FFFD. Refusing it is the only way it
 * is never silently altered.
 */
import * as v from "valibot";

export const NAME_MAX_CHARACTERS = 100;

export const PersonName = v.pipe(
  v.string((issue) => (issue.input === undefined ? "is required" : "must be a string")),
  v.check((name) => name.isWellFormed(), "must be well-formed text (no lone surrogates)"),
  v.trim(),
  v.minLength(1, "must not be empty"),
  v.maxGraphemes(NAME_MAX_CHARACTERS, `must be at most ${NAME_MAX_CHARACTERS} characters`),
  v.regex(/^\P{Cc}*$/u, "must not contain control characters"),
);
