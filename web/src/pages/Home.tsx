/**
 * `/`: the landing page when signed out, the dashboard when signed in, from ONE query
 * (Home: me with its watchlist and quotes, and the trading account's figures, last days of
 * equity and recent orders). A null `me` stays "Loading" until the session has tried its
 * one refresh, so a person with an expired cookie never sees the landing flash.
 */
import { useState } from "react";
import { Link } from "react-router";
import { useMutation, type CombinedError } from "urql";
import { can, useSession, useSessionQuery } from "../app/session";
import { Change } from "../components/Change";
import { failedAt } from "../components/failure";
import { formatMoney } from "../components/format";
import { Loading, QueryError } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { WatchlistTable, type WatchlistRow } from "../components/WatchlistTable";
import { graphql } from "../gql";
import type { DashboardAccountFragment, HomeQuery } from "../gql/graphql";
import { AccountFigures } from "../trading/AccountFigures";
import { OpenAccount } from "../trading/OpenAccount";
import { OrdersTable } from "../trading/OrdersTable";
import { todaysChange } from "../trading/todays-change";
import styles from "./Home.module.css";

graphql(`
  fragment DashboardAccount on TradingAccount {
    ...AccountFigures
    equityHistory(period: FIVE_DAYS) {
      date
      equity
    }
    orders(first: 5) {
      edges {
        node {
          ...OrderRow
        }
      }
    }
  }
`);

const HomeDocument = graphql(`
  query Home {
    me {
      ...Session
      watchlist {
        ...WatchlistRow
      }
      tradingAccount {
        ...DashboardAccount
      }
    }
  }
`);

const OpenDashboardAccountDocument = graphql(`
  mutation OpenDashboardAccount {
    openTradingAccount {
      ...DashboardAccount
    }
  }
`);

export function HomePage() {
  const [result, reexecute] = useSessionQuery({ query: HomeDocument });
  const { session } = useSession();
  const me = result.data?.me;
  usePageTitle(me ? "Dashboard" : "Welcome");
  if (me) return <Dashboard me={me} error={result.error} />;
  if (session === null) return <Landing />;
  if (result.error && !result.data) return <QueryError error={result.error} retry={() => reexecute({ requestPolicy: "network-only" })} />;
  return <Loading />;
}

function Landing() {
  return (
    <section className={styles.landing}>
      <h1>Fafnir</h1>
      <p className={styles.pitch}>
        Follow the stock market: quotes and price charts for stocks and ETFs, a watchlist of the ones you care about, and a paper-trading account to
        practise with virtual cash.
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

function Dashboard({ me, error }: { me: NonNullable<HomeQuery["me"]>; error: CombinedError | undefined }) {
  const firstName = me.profile?.firstName;
  return (
    <>
      <h1>{firstName ? `Hello, ${firstName}` : "Dashboard"}</h1>
      {can(me, "trade") && <TradingSummary account={me.tradingAccount ?? null} failed={failedAt(error, "tradingAccount") ? error : undefined} />}
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

/** The account's equity, cash and today's change, then its recent orders; or the way to open one. */
function TradingSummary({ account: loaded, failed }: { account: DashboardAccountFragment | null; failed: CombinedError | undefined }) {
  const [opened, setOpened] = useState<DashboardAccountFragment>();
  const [, openAccount] = useMutation(OpenDashboardAccountDocument);
  const account = opened ?? loaded;
  const open = async () => {
    const result = await openAccount({});
    if (result.data) setOpened(result.data.openTradingAccount);
    return result.error;
  };
  return (
    <>
      <section aria-labelledby="dashboard-account">
        <h2 id="dashboard-account">Paper trading</h2>
        {account ? (
          <AccountSummary account={account} />
        ) : failed ? (
          <QueryError error={failed} />
        ) : (
          <OpenAccount open={open} why="You have no paper-trading account yet." />
        )}
      </section>
      {account && <RecentOrders account={account} />}
    </>
  );
}

function AccountSummary({ account }: { account: DashboardAccountFragment }) {
  const money = (value: string) => formatMoney(value, account.currency);
  const change = todaysChange(account.equityHistory, account.netDeposits);
  return (
    <>
      <AccountFigures
        label="Paper-trading account"
        figures={[
          { term: "Equity", value: money(account.equity) },
          { term: "Cash", value: money(account.cash) },
          {
            term: "Today's change",
            value: change ? <Change change={change.amount} percent={change.percent} currency={account.currency} /> : <span className="muted">—</span>,
          },
        ]}
      />
      <p>
        <Link to="/portfolio">Your portfolio</Link>
      </p>
    </>
  );
}

function RecentOrders({ account }: { account: DashboardAccountFragment }) {
  const orders = account.orders.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="dashboard-orders">
      <h2 id="dashboard-orders">Recent orders</h2>
      {orders.length === 0 ? (
        <p>
          No orders yet. Open a stock's page (<Link to="/search">search stocks</Link>) to place one from its order ticket.
        </p>
      ) : (
        <>
          <OrdersTable label="Recent orders" orders={orders} currency={account.currency} />
          <p>
            <Link to="/orders">All orders</Link>
          </p>
        </>
      )}
    </section>
  );
}
