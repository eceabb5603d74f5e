/**
 * The schema's rule for searchStocks(query): 1 to 64 characters after trimming, counted as
 * the gateway counts them (String.prototype.length), so the two never disagree.
 */
export const SEARCH_QUERY_MAX = 64;

export type CheckedSearchQuery = { ok: true; query: string } | { ok: false; empty: boolean; message: string };

export function checkSearchQuery(text: string): CheckedSearchQuery {
  const query = text.trim();
  if (query.length === 0) return { ok: false, empty: true, message: "Type a symbol or a company name to search for." };
  if (query.length > SEARCH_QUERY_MAX) {
    return { ok: false, empty: false, message: `Search for at most ${SEARCH_QUERY_MAX} characters (this is ${query.length}).` };
  }
  return { ok: true, query };
}

export const searchPath = (query: string) => `/search?q=${encodeURIComponent(query)}`;
