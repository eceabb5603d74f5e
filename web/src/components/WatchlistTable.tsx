/**
 * The watchlist as a table (symbol, name, price, change), on the dashboard and, with a
 * "Remove" button per row, on /watchlist. Its rows are the WatchlistRow fragment, which both
 * pages' queries and the remove mutation ask for; their prices then follow the `quotes`
 * subscription (the symbols still listed: an unknown one would refuse the whole stream).
 */
import type { Ref } from "react";
import { Link } from "react-router";
import { graphql } from "../gql";
import type { WatchlistRowFragment } from "../gql/graphql";
import { useLiveQuotes, type LiveQuote } from "../live/quotes";
import { Change } from "./Change";
import { formatMoney } from "./format";
import { VisuallyHidden } from "./VisuallyHidden";
import styles from "./WatchlistTable.module.css";

graphql(`
  fragment WatchlistRow on WatchlistItem {
    symbol
    stock {
      symbol
      name
      currency
      quote {
        price
        change
        changePercent
        stale
      }
    }
  }
`);

export type WatchlistRow = WatchlistRowFragment;

interface Props {
  rows: readonly WatchlistRow[];
  /** With it, each row has a "Remove SYMBOL" button. */
  onRemove?: (symbol: string) => void;
  ref?: Ref<HTMLTableElement>;
}

export function WatchlistTable({ rows, onRemove, ref }: Props) {
  const live = useLiveQuotes(rows.flatMap((row) => (row.stock ? [row.symbol] : [])));
  return (
    <table ref={ref} aria-label="Watchlist" className={styles.table}>
      <thead>
        <tr>
          <th scope="col">Symbol</th>
          <th scope="col">Name</th>
          <th scope="col" className="number">
            Price
          </th>
          <th scope="col" className="number">
            Change
          </th>
          {onRemove && (
            <th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.symbol}>
            <th scope="row">
              <Link to={`/stocks/${encodeURIComponent(row.symbol)}`}>{row.symbol}</Link>
            </th>
            <td>{row.stock?.name ?? <span className="muted">No longer listed</span>}</td>
            <PriceCells row={row} live={live.get(row.symbol)} />
            {onRemove && (
              <td className={styles.action}>
                <button type="button" onClick={() => onRemove(row.symbol)}>
                  Remove<VisuallyHidden> {row.symbol}</VisuallyHidden>
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PriceCells({ row, live }: { row: WatchlistRow; live: LiveQuote | undefined }) {
  const quote = live ?? row.stock?.quote;
  if (!row.stock || !quote)
    return (
      <td colSpan={2} className="number muted">
        No quote
      </td>
    );
  return (
    <>
      <td className="number">
        {formatMoney(quote.price, row.stock.currency)}
        {quote.stale && <span className="muted"> (last known)</span>}
      </td>
      <td className="number">
        <Change change={quote.change} percent={quote.changePercent} currency={row.stock.currency} />
      </td>
    </>
  );
}
