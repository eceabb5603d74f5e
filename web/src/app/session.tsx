/**
 * Who is signed in, as the pages learn it. Every signed-in page's one query asks for
 * `me { ...Session }` beside its own data, so a page costs one GraphQL request and the
 * navigation around it needs none of its own. A null `me` with a session cookie left is an
 * expired access cookie: one silent refresh, then the query once more.
 */
import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { Provider, useQuery, type AnyVariables, type TypedDocumentNode, type UseQueryArgs } from "urql";
import { refreshSession } from "../auth/api";
import { graphql } from "../gql";
import type { SessionFragment } from "../gql/graphql";
import { createClient } from "./client";

graphql(`
  fragment Session on Viewer {
    id
    email
    roles
    permissions
    profile {
      firstName
      lastName
    }
  }
`);

export type Session = SessionFragment;

/** For a page whose own data cannot come in the same request (or that has none). */
export const SessionQuery = graphql(`
  query Session {
    me {
      ...Session
    }
  }
`);

interface SessionState {
  /** undefined until a query has answered; null when signed out. */
  session: Session | null | undefined;
  learn(session: Session | null): void;
  /** After signing in or out: a new client, so that nothing of the last person (operations in flight, the auth exchange's state) carries over. */
  restart(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [client, setClient] = useState(createClient);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  // A transition, as react-router's navigations are: a restart followed by a navigation
  // renders once, so the page being left does not ask the new client for its data.
  const restart = useCallback(() => {
    startTransition(() => {
      setSession(undefined);
      setClient(createClient());
    });
  }, []);
  const state = useMemo(() => ({ session, learn: setSession, restart }), [session, restart]);
  return (
    <SessionContext value={state}>
      <Provider value={client}>{children}</Provider>
    </SessionContext>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}

/**
 * After signing in or out: a fresh session and client, then `to`. The page left behind is
 * replaced in the history unless `replace` is false (a person may go back to it).
 */
export function useStartOver(): (to: string, replace?: boolean) => void {
  const { restart } = useSession();
  const navigate = useNavigate();
  return useCallback(
    (to, replace = true) => {
      restart();
      navigate(to, { replace });
    },
    [restart, navigate],
  );
}

export const can = (session: Session | null | undefined, permission: string) => session?.permissions.includes(permission) ?? false;

/**
 * A page's query that also asks for `me { ...Session }`: it tells the session what it
 * learnt and, when `me` is null while a session cookie remains, refreshes once and asks again.
 */
export function useSessionQuery<Data extends { me?: Session | null }, Variables extends AnyVariables>(
  args: UseQueryArgs<Variables, Data> & { query: TypedDocumentNode<Data, Variables> },
) {
  const [result, reexecute] = useQuery<Data, Variables>(args);
  const { learn } = useSession();
  const refreshed = useRef(false);
  const me = result.data?.me;
  useEffect(() => {
    if (result.fetching || result.stale || me === undefined) return;
    if (me) return learn(me);
    if (refreshed.current) return learn(null);
    refreshed.current = true;
    void refreshSession().then((renewed) => (renewed ? reexecute({ requestPolicy: "network-only" }) : learn(null)));
  }, [me, result.fetching, result.stale, learn, reexecute]);
  return [result, reexecute] as const;
}
