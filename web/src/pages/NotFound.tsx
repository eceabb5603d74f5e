import { Link } from "react-router";
import { SessionQuery, useSessionQuery } from "../app/session";
import { usePageTitle } from "../components/usePageTitle";

/** Whoever is signed in keeps their navigation here: the page learns the session (one request). */
export function NotFoundPage() {
  useSessionQuery({ query: SessionQuery });
  usePageTitle("Page not found");
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </>
  );
}
