/**
 * /portfolio, /orders and /leaderboard until paper trading lands (they are in every
 * signed-in page's navigation): say plainly what is not there yet rather than "Page not found".
 */
import { Link } from "react-router";
import { SessionQuery, useSessionQuery } from "../app/session";
import { usePageTitle } from "../components/usePageTitle";

export function TradingSoonPage({ title }: { title: string }) {
  useSessionQuery({ query: SessionQuery });
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>
        Paper trading is not open yet, so there is nothing to show here. Meanwhile, follow the stocks you care about on your{" "}
        <Link to="/watchlist">watchlist</Link>.
      </p>
    </>
  );
}
