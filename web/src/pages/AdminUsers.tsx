/**
 * /admin/users, for holders of view_users. The page learns the session first
 * (me { ...Session }), then asks for users only when allowed: a member costs one request and
 * sees "Not allowed"; an admin costs two, then one per page turned and one per role change
 * (whose answer, the user's roles, updates the row: persisted documents carry no __typename,
 * so urql's document cache cannot tell which pages a change touched).
 */
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { can, SessionQuery, useSessionQuery } from "../app/session";
import { failureOf } from "../components/failure";
import { ErrorAlert } from "../components/Notice";
import { PageButtons } from "../components/PageButtons";
import { usePageCursors } from "../components/usePageCursors";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { UsersQuery } from "../gql/graphql";
import styles from "./AdminUsers.module.css";

export const USERS_PAGE_SIZE = 10;
const ADMIN = "admin";

const UsersPageQuery = graphql(`
  query Users($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          email
          roles
          createdAt
          profile {
            firstName
            lastName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AssignRoleMutation = graphql(`
  mutation AssignRole($userId: ID!, $role: String!) {
    assignRole(userId: $userId, role: $role) {
      id
      roles
    }
  }
`);

const RevokeRoleMutation = graphql(`
  mutation RevokeRole($userId: ID!, $role: String!) {
    revokeRole(userId: $userId, role: $role) {
      id
      roles
    }
  }
`);

export function AdminUsersPage() {
  usePageTitle("Users");
  const [{ data, error }] = useSessionQuery({ query: SessionQuery });
  const me = data?.me;
  if (!me) return error ? <ErrorAlert message={failureOf(error, {}).message} /> : <p className="loading">Loading…</p>;
  if (!can(me, "view_users")) {
    return (
      <>
        <h1>Not allowed</h1>
        <p>Only administrators can see the list of users.</p>
      </>
    );
  }
  return <UsersDirectory mayChangeRoles={can(me, "manage_roles")} />;
}

function UsersDirectory({ mayChangeRoles }: { mayChangeRoles: boolean }) {
  const cursors = usePageCursors();
  const [{ data, error, fetching }] = useQuery({ query: UsersPageQuery, variables: { first: USERS_PAGE_SIZE, after: cursors.after } });
  const [roleAlert, setRoleAlert] = useState<string>();
  const [changedRoles, setChangedRoles] = useState<Record<string, string[]>>({});
  const page = data?.users;
  const rolesChanged = (userId: string, roles: string[]) => setChangedRoles((known) => ({ ...known, [userId]: roles }));
  const endCursor = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  return (
    <>
      <h1>Users</h1>
      <ErrorAlert message={roleAlert ?? (error && failureOf(error, {}).message)} />
      {page ? (
        <div className={styles.tableWrap}>
          <UsersTable
            users={page.edges.map(({ node }) => ({ ...node, roles: changedRoles[node.id] ?? node.roles }))}
            roleChanges={mayChangeRoles ? { onChanged: rolesChanged, onRefused: setRoleAlert } : undefined}
          />
        </div>
      ) : (
        fetching && <p className="loading">Loading…</p>
      )}
      <PageButtons label="Pages of users" cursors={cursors} endCursor={endCursor} />
    </>
  );
}

type User = UsersQuery["users"]["edges"][number]["node"];

const joined = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** What a role button reports: the user's roles after a change, or the refusal's sentence. */
interface RoleChanges {
  onChanged(userId: string, roles: string[]): void;
  onRefused(message?: string): void;
}

function UsersTable({ users, roleChanges }: { users: User[]; roleChanges: RoleChanges | undefined }) {
  return (
    <table>
      <caption>Users</caption>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Name</th>
          <th scope="col">Roles</th>
          <th scope="col">Joined</th>
          {roleChanges && <th scope="col">Admin</th>}
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <th scope="row">{user.email}</th>
            <td>{user.profile ? `${user.profile.firstName} ${user.profile.lastName}` : <span className="muted">No profile</span>}</td>
            <td>{user.roles.join(", ")}</td>
            <td>
              <time dateTime={user.createdAt}>{joined.format(new Date(user.createdAt))}</time>
            </td>
            {roleChanges && (
              <td>
                <AdminToggle user={user} {...roleChanges} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdminToggle({ user, onChanged, onRefused }: { user: User } & RoleChanges) {
  const [assigning, assignRole] = useMutation(AssignRoleMutation);
  const [revoking, revokeRole] = useMutation(RevokeRoleMutation);
  const isAdmin = user.roles.includes(ADMIN);
  const busy = assigning.fetching || revoking.fetching;
  const onClick = async () => {
    if (busy) return;
    onRefused(undefined);
    const variables = { userId: user.id, role: ADMIN };
    const result = isAdmin ? await revokeRole(variables) : await assignRole(variables);
    if (result.error) return onRefused(failureOf(result.error, {}).message);
    const changed = result.data && ("revokeRole" in result.data ? result.data.revokeRole : result.data.assignRole);
    if (changed) onChanged(changed.id, changed.roles);
  };
  return (
    <button type="button" className={styles.roleButton} onClick={onClick} aria-disabled={busy}>
      {isAdmin ? "Revoke admin" : "Grant admin"}
      <span className={styles.who}>{isAdmin ? ` from ${user.email}` : ` to ${user.email}`}</span>
    </button>
  );
}
