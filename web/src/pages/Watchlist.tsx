/**
 * /watchlist: the table with a "Remove" button per row. A removal answers with the new
 * list (the WatchlistRow fields), which replaces the table: no reload, no second query.
 */
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import { useSessionQuery } from "../app/session";
import { Loading, QueryError } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { WatchlistTable, type WatchlistRow } from "../components/WatchlistTable";
import { graphql } from "../gql";

const WatchlistPageDocument = graphql(`
  query WatchlistPage {
    me {
      ...Session
      watchlist {
        ...WatchlistRow
      }
    }
  }
`);

const RemoveWatchlistRowDocument = graphql(`
  mutation RemoveWatchlistRow($symbol: String!) {
    removeFromWatchlist(symbol: $symbol) {
      ...WatchlistRow
    }
  }
`);

export function WatchlistPage() {
  usePageTitle("Watchlist");
  const [result, reexecute] = useSessionQuery({ query: WatchlistPageDocument });
  const [removal, remove] = useMutation(RemoveWatchlistRowDocument);
  const [afterRemoval, setAfterRemoval] = useState<readonly WatchlistRow[]>();
  const [news, setNews] = useState("");
  const focusRow = useFocusAfterRemoval();
  const { data, error } = result;

  if (!data) return error ? <QueryError error={error} retry={() => reexecute({ requestPolicy: "network-only" })} /> : <Loading />;
  if (!data.me) return <Loading />;
  const rows = afterRemoval ?? data.me.watchlist;

  const removeRow = async (symbol: string) => {
    const answer = await remove({ symbol });
    if (!answer.data) return;
    focusRow.after(rows.findIndex((row) => row.symbol === symbol));
    setAfterRemoval(answer.data.removeFromWatchlist);
    setNews(`Removed ${symbol} from your watchlist.`);
  };

  return (
    <>
      <h1 ref={focusRow.heading} tabIndex={-1}>
        Watchlist
      </h1>
      <p role="status" className="muted">
        {news}
      </p>
      {removal.error && <QueryError error={removal.error} />}
      {rows.length > 0 ? (
        <WatchlistTable ref={focusRow.table} rows={rows} onRemove={(symbol) => void removeRow(symbol)} />
      ) : (
        <p>
          Your watchlist is empty. <Link to="/search">Search stocks</Link> and add one from its page with “Add to watchlist”.
        </p>
      )}
    </>
  );
}

/**
 * A removed row takes its button, and the keyboard focus, with it: the focus goes on to the
 * row now in its place (or the last one), or to the heading when none is left.
 */
function useFocusAfterRemoval() {
  const table = useRef<HTMLTableElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [index, setIndex] = useState<number>();
  useEffect(() => {
    if (index === undefined) return;
    const buttons = table.current?.querySelectorAll<HTMLButtonElement>("tbody button") ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? heading.current)?.focus();
    setIndex(undefined);
  }, [index]);
  return { table, heading, after: setIndex };
}
