/**
 * /search?q=...: the results for the top bar's "Search stocks" field (the page's one field).
 * ONE query: me, and searchStocks only when there is a valid query (@include), so an empty
 * query asks for the session alone.
 */
import { Link, useSearchParams } from "react-router";
import { useSessionQuery } from "../app/session";
import { formatInstrumentType } from "../components/format";
import { Loading, QueryError } from "../components/QueryState";
import { checkSearchQuery } from "../components/search-query";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { SearchPageQuery } from "../gql/graphql";
import styles from "./Search.module.css";

const SEARCH_LIMIT = 25;

const SearchPageDocument = graphql(`
  query SearchPage($query: String!, $searching: Boolean!, $limit: Int!) {
    me {
      ...Session
    }
    searchStocks(query: $query, limit: $limit) @include(if: $searching) {
      symbol
      name
      exchange
      instrumentType
    }
  }
`);

export function SearchPage() {
  const [params] = useSearchParams();
  const checked = checkSearchQuery(params.get("q") ?? "");
  const query = checked.ok ? checked.query : "";
  usePageTitle(query ? `Search: ${query}` : "Search");
  const [result, reexecute] = useSessionQuery({ query: SearchPageDocument, variables: { query, searching: checked.ok, limit: SEARCH_LIMIT } });
  // While a new query runs, urql still holds the last one's results: not this query's.
  const results = result.fetching ? undefined : result.data?.searchStocks;

  return (
    <>
      <h1>Search</h1>
      {!checked.ok ? (
        <p className={checked.empty ? undefined : "field-error"}>
          {checked.empty ? "Type a symbol or a company name in the “Search stocks” field above, then press Enter." : checked.message}
        </p>
      ) : results ? (
        <Results query={query} results={results} />
      ) : result.error && !result.fetching ? (
        <QueryError error={result.error} retry={() => reexecute({ requestPolicy: "network-only" })} />
      ) : (
        <Loading what="Searching…" />
      )}
    </>
  );
}

function Results({ query, results }: { query: string; results: NonNullable<SearchPageQuery["searchStocks"]> }) {
  return (
    <>
      <p role="status">
        {results.length === 0
          ? `No stocks match “${query}”. Try a ticker symbol such as AAPL or part of a company name.`
          : `${results.length} ${results.length === 1 ? "stock matches" : "stocks match"} “${query}”.`}
      </p>
      {results.length > 0 && (
        <ul className={styles.results}>
          {results.map((stock) => (
            <li key={stock.symbol}>
              <Link to={`/stocks/${encodeURIComponent(stock.symbol)}`}>
                <span className={styles.symbol}>{stock.symbol}</span> <span className={styles.name}>{stock.name}</span>
              </Link>
              <span className="muted">
                {" "}
                {stock.exchange} · {formatInstrumentType(stock.instrumentType)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
