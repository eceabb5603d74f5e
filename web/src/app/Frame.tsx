/**
 * The frame of every page. Signed in: the top bar's search, the navigation landmark and
 * "Sign out". `RequireSession` sends a visit without a session to /sign-in, which sends the
 * person back afterwards.
 */
import { useState } from "react";
import { Link, Navigate, NavLink, Outlet, useLocation } from "react-router";
import { AuthError, signOut } from "../auth/api";
import { signInPathFor } from "../auth/next-path";
import { failureOf } from "../components/failure";
import { ErrorAlert } from "../components/Notice";
import { SearchBox } from "../components/SearchBox";
import { LiveStatus } from "../live/LiveStatus";
import { can, useSession, useStartOver, type Session } from "./session";

const LINKS = [
  ["/", "Dashboard"],
  ["/watchlist", "Watchlist"],
  ["/portfolio", "Portfolio"],
  ["/orders", "Orders"],
  ["/leaderboard", "Leaderboard"],
  ["/settings", "Settings"],
] as const;

const SIGNED_OUT_ALREADY = new Set(["UNAUTHENTICATED", "SESSION_REVOKED"]);

function Navigation({ session }: { session: Session }) {
  const startOver = useStartOver();
  const links = can(session, "view_users") ? [...LINKS, ["/admin/users", "Users"] as const] : LINKS;
  const [alert, setAlert] = useState<string>();
  const leave = async () => {
    setAlert(undefined);
    try {
      await signOut();
    } catch (error) {
      // A session the server no longer accepts is signed out already; any other failure
      // leaves the session cookies working, so saying "signed out" would be untrue.
      if (!(error instanceof AuthError && SIGNED_OUT_ALREADY.has(error.code))) return setAlert(failureOf(error, {}).message);
    }
    startOver("/", false);
  };
  return (
    <nav aria-label="Main">
      <ul>
        {links.map(([to, name]) => (
          <li key={to}>
            <NavLink to={to} end>
              {name}
            </NavLink>
          </li>
        ))}
      </ul>
      <button type="button" onClick={leave}>
        Sign out
      </button>
      <ErrorAlert message={alert} />
    </nav>
  );
}

export function Frame() {
  const { session } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <Link className="brand" to="/">
          Fafnir
        </Link>
        {session && <SearchBox />}
        {session && <Navigation session={session} />}
      </header>
      <main id="main" tabIndex={-1}>
        {session && <LiveStatus />}
        <Outlet />
      </main>
    </>
  );
}

export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (session === null) return <Navigate to={signInPathFor(location.pathname + location.search)} replace />;
  return <Outlet />;
}
