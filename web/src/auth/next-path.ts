/**
 * Where to go after signing in: the `next` of /sign-in?next=..., only when it is a path of
 * this app. Anything that could leave the origin ("//evil.example", "/\evil.example",
 * "https://...", a path with a tab or newline that a URL parser drops) falls back to "/", so
 * the sign-in page cannot be used to send someone elsewhere (an open redirect).
 */
const BASE = "https://app.invalid";

export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  // Control characters and backslashes are where parsers disagree: refuse rather than guess.
  if (/[\p{Cc}\\]/u.test(next)) return "/";
  const url = new URL(next, BASE);
  if (url.origin !== BASE) return "/";
  return url.pathname + url.search + url.hash;
}

/** The sign-in address that brings the person back to `path` afterwards. */
export const signInPathFor = (path: string) => (path === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`);
