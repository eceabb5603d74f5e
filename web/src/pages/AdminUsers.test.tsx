import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MemoryRouter } from "react-router";
import { CombinedError, Provider, type Client } from "urql";
import { fromValue } from "wonka";
import { SessionProvider, type Session } from "../app/session";
import { AdminUsersPage } from "./AdminUsers";

afterEach(cleanup);

const session = (permissions: string[]): Session => ({
  id: "u1",
  email: "ada@example.com",
  roles: [],
  permissions,
  profile: { firstName: "Ada", lastName: "Lovelace" },
});

const users = {
  edges: [
    { cursor: "c1", node: { id: "u2", email: "grace@example.com", roles: ["member", "admin"], createdAt: "2025-01-02T03:04:05Z", profile: { firstName: "Grace", lastName: "Hopper" } } },
    { cursor: "c2", node: { id: "u3", email: "alan@example.com", roles: ["member"], createdAt: "2025-01-01T00:00:00Z", profile: null } },
  ],
  pageInfo: { hasNextPage: true, endCursor: "c2" },
};

/** A client answering the session query with `me` and the users query with two users. */
function renderWith(me: Session) {
  const asked: string[] = [];
  const client = {
    executeQuery: (operation: { query: { definitions: { name?: { value: string } }[] } }) => {
      const name = operation.query.definitions[0]?.name?.value ?? "";
      asked.push(name);
      return fromValue({ operation, data: name === "Users" ? { users } : { me }, stale: false, hasNext: false });
    },
    executeMutation: (operation: { query: { definitions: { name?: { value: string } }[] }; variables: { userId: string } }) =>
      fromValue(
        operation.query.definitions[0]?.name?.value === "AssignRole"
          ? { operation, data: { assignRole: { id: operation.variables.userId, roles: ["member", "admin"] } } }
          : { operation, error: new CombinedError({ graphQLErrors: [{ message: "An admin must remain.", extensions: { code: "BAD_USER_INPUT" } }] }) },
      ),
  } as unknown as Client;
  render(
    <SessionProvider>
      <Provider value={client}>
        <MemoryRouter>
          <AdminUsersPage />
        </MemoryRouter>
      </Provider>
    </SessionProvider>,
  );
  return asked;
}

describe("the users page", () => {
  it("tells a member it is not allowed, without asking for users", async () => {
    const asked = renderWith(session(["view_stocks"]));
    await screen.findByRole("heading", { level: 1, name: "Not allowed" });
    expect(asked).toEqual(["Session"]);
  });

  it("shows an admin the users with buttons to grant and revoke admin", async () => {
    const asked = renderWith(session(["view_users", "manage_roles"]));
    const table = await screen.findByRole("table", { name: "Users" });
    expect(asked).toEqual(["Session", "Users"]);
    expect(screen.getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Email", "Name", "Roles", "Joined", "Admin"]);
    expect(table.textContent).toContain("Grace Hopper");
    expect(screen.getByRole("button", { name: "Revoke admin from grace@example.com" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Grant admin to alan@example.com" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "Previous page" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Next page" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows the roles a change answers with, and a refusal in an alert", async () => {
    renderWith(session(["view_users", "manage_roles"]));
    fireEvent.click(await screen.findByRole("button", { name: "Grant admin to alan@example.com" }));
    await screen.findByRole("button", { name: "Revoke admin from alan@example.com" });
    fireEvent.click(screen.getByRole("button", { name: "Revoke admin from grace@example.com" }));
    expect((await screen.findByRole("alert")).textContent).toBe("An admin must remain.");
  });

  it("keeps no role buttons from a viewer who cannot manage roles", async () => {
    renderWith(session(["view_users"]));
    await screen.findByRole("table", { name: "Users" });
    expect(screen.queryByRole("button", { name: /admin/ })).toBeNull();
  });
});
