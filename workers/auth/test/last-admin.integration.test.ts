/**
 * An admin must remain (auth-api.md, DELETE /auth/account; schema.graphql, revokeRole),
 * and only an admin with an account counts: a grant of admin to a user id that has no
 * account is no admin. Across the real auth, security and gateway Workers.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { authClient, PASSWORD, uniqueEmail, type SignedIn } from "./node/client.ts";

let platform: Platform;
let client: ReturnType<typeof authClient>;
beforeAll(async () => {
  platform = await startPlatform();
  client = authClient(platform);
});
afterAll(() => platform?.stop());

const meta = { requestId: "last-admin-integration-0001" };

interface D1Writer {
  prepare(query: string): { bind(...values: unknown[]): { run(): Promise<unknown> }; run(): Promise<unknown> };
}
const securityDb = async () => ((await platform.worker("security").getEnv()) as { SECURITY_DB: D1Writer }).SECURITY_DB;

interface Admin {
  email: string;
  session: SignedIn;
}

/** A registered account made admin through the security service's own RPC (there is no public way to make the first admin). */
async function registerAdmin(): Promise<Admin> {
  const email = uniqueEmail("admin");
  const { body } = await client.register(email);
  const security = await platform.rpc("security");
  expect(await security.grantRole(meta, body.user.id, "admin")).toMatchObject({ ok: true });
  return { email, session: body };
}

const deleteAccount = (admin: Admin) =>
  client.call("/auth/account", { method: "DELETE", json: { password: PASSWORD }, headers: { authorization: `Bearer ${admin.session.accessToken}` } });

async function rolesOf(userId: string): Promise<string[]> {
  const security = await platform.rpc("security");
  const access = (await security.access(meta, [userId])) as { ok: true; value: Record<string, { roles: string[] }> };
  return access.value[userId]!.roles;
}

async function expectIntact(admin: Admin): Promise<void> {
  expect((await client.login(admin.email)).response.status).toBe(200);
  const user = await platform.rpc("user");
  const profiles = (await user.profiles(meta, [admin.session.user.id])) as { ok: true; value: Record<string, unknown> };
  expect(Object.keys(profiles.value)).toEqual([admin.session.user.id]);
  expect(await rolesOf(admin.session.user.id)).toEqual(["admin", "member"]);
}

// Each test starts with no admin at all, then makes its own.
beforeEach(async () => {
  await (await securityDb()).prepare("DELETE FROM user_roles WHERE role = 'admin'").run();
});

describe("DELETE /auth/account of an admin", () => {
  it("is 409 CONFLICT for the last admin, and deletes nothing: the account still signs in", async () => {
    const admin = await registerAdmin();
    const refused = await deleteAccount(admin);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: "CONFLICT" } });
    await expectIntact(admin);
    expect((await client.me(admin.session.accessToken)).status).toBe(200);
  });

  it("succeeds while another admin remains, and then that one is the last", async () => {
    const [first, second] = [await registerAdmin(), await registerAdmin()];
    expect((await deleteAccount(first)).status).toBe(204);
    expect((await client.login(first.email)).response.status).toBe(401);
    expect((await deleteAccount(second)).status).toBe(409);
    await expectIntact(second);
  });

  it("lets at most one of the last two admins through when both delete themselves at once", async () => {
    const admins = [await registerAdmin(), await registerAdmin()];
    const statuses = (await Promise.all(admins.map(deleteAccount))).map((response) => response.status);
    expect(statuses.sort()).toEqual([204, 409]);
    const signsIn = await Promise.all(admins.map(async (admin) => (await client.login(admin.email)).response.status));
    expect([...signsIn].sort()).toEqual([200, 401]);
    await expectIntact(admins[signsIn.indexOf(200)]!);
  });
});

describe("a grant of admin to a user id without an account", () => {
  it("is no admin: the one real admin can neither delete their account nor lose the role", async () => {
    const admin = await registerAdmin();
    const stranger = crypto.randomUUID();
    await (await securityDb()).prepare("INSERT INTO user_roles (user_id, role, granted_at) VALUES (?, 'admin', ?)").bind(stranger, new Date().toISOString()).run();

    expect((await deleteAccount(admin)).status).toBe(409);
    await expectIntact(admin);

    const revoke = await platform.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin.session.accessToken}` },
      body: JSON.stringify({ query: "mutation ($u: ID!) { revokeRole(userId: $u, role: \"admin\") { id } }", variables: { u: admin.session.user.id } }),
    });
    const answer = (await revoke.json()) as { data: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await rolesOf(admin.session.user.id)).toEqual(["admin", "member"]);
  });
});
