/**
 * /leaderboard: the best paper-trading returns among accounts whose owners chose to be
 * listed (Settings' "Show me on the leaderboard"), from ONE query (me + leaderboard).
 */
import { Link } from "react-router";
import { useSessionQuery } from "../app/session";
import { directionOf } from "../components/Change";
import { formatDateTime, formatPercent } from "../components/format";
import { Loading, QueryError } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { LeaderboardQuery } from "../gql/graphql";
import styles from "./Leaderboard.module.css";

export const LEADERBOARD_SIZE = 50;

const LeaderboardDocument = graphql(`
  query Leaderboard($first: Int!) {
    me {
      ...Session
    }
    leaderboard(first: $first) {
      rank
      displayName
      totalReturnPercent
      since
    }
  }
`);

export function LeaderboardPage() {
  usePageTitle("Leaderboard");
  const [{ data, error }, reexecute] = useSessionQuery({ query: LeaderboardDocument, variables: { first: LEADERBOARD_SIZE } });
  const retry = () => reexecute({ requestPolicy: "network-only" });
  return (
    <>
      <h1>Leaderboard</h1>
      <p className="muted">
        The best returns of paper-trading accounts whose owners chose to be listed (turn it on in <Link to="/settings">Settings</Link>). It may be up
        to a minute behind.
      </p>
      {error && <QueryError error={error} retry={retry} />}
      {data ? <LeaderboardTable entries={data.leaderboard} /> : !error && <Loading />}
    </>
  );
}

function LeaderboardTable({ entries }: { entries: LeaderboardQuery["leaderboard"] }) {
  if (entries.length === 0) return <p>No one is on the leaderboard yet.</p>;
  return (
    <div className={styles.tableWrap}>
      <table aria-label="Leaderboard" className={styles.table}>
        <thead>
          <tr>
            <th scope="col" className="number">
              Rank
            </th>
            <th scope="col">Name</th>
            <th scope="col" className="number">
              Return
            </th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.rank}>
              <td className="number">{entry.rank}</td>
              <th scope="row">{entry.displayName}</th>
              <td className={`number ${directionOf(entry.totalReturnPercent)}`}>{formatPercent(entry.totalReturnPercent)}</td>
              <td>
                <time dateTime={entry.since}>{formatDateTime(entry.since)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
