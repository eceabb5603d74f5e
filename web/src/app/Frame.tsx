/**
 * The frame of every page. Signed in: the top bar's search, the navigation landmark and
 * "Sign out". `RequireSession` sends a visit without a session to /sign-in, which sends the
 * person back afterwards.
 */
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { signOut } from "../auth/api";
import { SearchBox } from "../components/SearchBox";
import { can, useSession, type Session } from "./session";

const LINKS = [
  ["/", "Dashboard"],
  ["/watchlist", "Watchlist"],
  ["/portfolio", "Portfolio"],
  ["/orders", "Orders"],
  ["/leaderboard", "Leaderboard"],
  ["/settings", "Settings"],
] as const;

function Navigation({ session }: { session: Session }) {
  const { restart } = useSession();
  const navigate = useNavigate();
  const links = can(session, "view_users") ? [...LINKS, ["/admin/users", "Users"] as const] : LINKS;
  const leave = async () => {
    // Signed out either way: a failed call leaves cookies that no longer matter once the
    // client forgets them, and the next page asks the server again.
    await signOut().catch(() => undefined);
    restart();
    navigate("/");
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
        <Outlet />
      </main>
    </>
  );
}

export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (session === null) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
