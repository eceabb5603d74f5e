/**
 * `/`: the landing page when signed out, the dashboard when signed in, from ONE query
 * (Home: me with its watchlist and quotes). A null `me` stays "Loading" until the session
 * has tried its one refresh, so a person with an expired cookie never sees the landing flash.
 */
import { Link } from "react-router";
import { useSession, useSessionQuery } from "../app/session";
import { Loading, QueryError } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { WatchlistTable, type WatchlistRow } from "../components/WatchlistTable";
import { graphql } from "../gql";
import type { HomeQuery } from "../gql/graphql";
import styles from "./Home.module.css";

const HomeDocument = graphql(`
  query Home {
    me {
      ...Session
      watchlist {
        ...WatchlistRow
      }
    }
  }
`);

export function HomePage() {
  const [result, reexecute] = useSessionQuery({ query: HomeDocument });
  const { session } = useSession();
  const me = result.data?.me;
  usePageTitle(me ? "Dashboard" : "Welcome");
  if (me) return <Dashboard me={me} />;
  if (session === null) return <Landing />;
  if (result.error && !result.data) return <QueryError error={result.error} retry={() => reexecute({ requestPolicy: "network-only" })} />;
  return <Loading />;
}

function Landing() {
  return (
    <section className={styles.landing}>
      <h1>Fafnir</h1>
      <p className={styles.pitch}>
        Follow the stock market: quotes and price charts for stocks and ETFs, and a watchlist of the ones you care about.
      </p>
      <p className={styles.actions}>
        <Link className="button primary" to="/sign-up">
          Create account
        </Link>
        <Link className="button" to="/sign-in">
          Sign in
        </Link>
      </p>
    </section>
  );
}

function Dashboard({ me }: { me: NonNullable<HomeQuery["me"]> }) {
  const firstName = me.profile?.firstName;
  return (
    <>
      <h1>{firstName ? `Hello, ${firstName}` : "Dashboard"}</h1>
      {/* Paper trading adds here: the account's equity, cash and today's change (or "Open paper account"), then recent orders. */}
      <section aria-labelledby="dashboard-watchlist">
        <h2 id="dashboard-watchlist">Watchlist</h2>
        <WatchlistSummary rows={me.watchlist} />
      </section>
    </>
  );
}

function WatchlistSummary({ rows }: { rows: readonly WatchlistRow[] }) {
  if (rows.length === 0)
    return (
      <p>
        Nothing on your watchlist yet. <Link to="/search">Search stocks</Link> and add the ones you want to follow.
      </p>
    );
  return (
    <>
      <WatchlistTable rows={rows} />
      <p>
        <Link to="/watchlist">Manage your watchlist</Link>
      </p>
    </>
  );
}
