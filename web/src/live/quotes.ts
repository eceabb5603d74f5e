/**
 * The quotes a page shows, followed live: one `quotes` stream per page for the symbols on
 * screen (at most 50, live-data.md), each update replacing its symbol's quote.
 */
import { useMemo } from "react";
import { useSubscription } from "urql";
import { graphql } from "../gql";
import type { LiveQuotesSubscription } from "../gql/graphql";

// Every field a quote shows anywhere: the stock page's query reads the same (one list).
graphql(`
  fragment FullQuote on Quote {
    price
    open
    previousClose
    change
    changePercent
    volume
    marketCap
    dayLow
    dayHigh
    yearLow
    yearHigh
    source
    asOf
    marketState
    stale
  }
`);

const LiveQuotesDocument = graphql(`
  subscription LiveQuotes($symbols: [String!]!) {
    quotes(symbols: $symbols) {
      symbol
      quote {
        ...FullQuote
      }
    }
  }
`);

export type LiveQuote = LiveQuotesSubscription["quotes"]["quote"];

/** The gateway's limit for one stream. */
export const MAX_LIVE_SYMBOLS = 50;

const NONE: ReadonlyMap<string, LiveQuote> = new Map();

const remember = (seen: ReadonlyMap<string, LiveQuote> = NONE, update: LiveQuotesSubscription) =>
  new Map(seen).set(update.quotes.symbol, update.quotes.quote);

/** The latest live quote of each of `symbols` that has had one since the page opened. */
export function useLiveQuotes(symbols: readonly string[]): ReadonlyMap<string, LiveQuote> {
  // The same set in another order is the same stream.
  const key = [...new Set(symbols)].sort().slice(0, MAX_LIVE_SYMBOLS).join(",");
  const variables = useMemo(() => ({ symbols: key.split(",") }), [key]);
  const [{ data }] = useSubscription({ query: LiveQuotesDocument, variables, pause: key === "" }, remember);
  return data ?? NONE;
}
