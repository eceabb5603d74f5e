/**
 * A role change takes effect at once (schema.graphql, revokeRole): from the moment it
 * answers, no request of that user is granted the permissions of a revoked role (nor
 * denied those of a granted one), whatever access token it carries. Through the real
 * gateway and Workers; every token here is the one its user got at sign-up, never refreshed.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { graphql, signUp, signUpAdmin, type GraphQLResponse, type SignedIn } from "./support/graphql-client.ts";

let platform: Platform;
/** Never demoted: the last-admin guard stays out of the way of the scenarios below. */
let keeper: SignedIn;

beforeAll(async () => {
  platform = await startPlatform();
  keeper = await signUpAdmin(platform);
});
afterAll(() => platform?.stop());

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
const ASSIGN = "mutation ($u: ID!) { assignRole(userId: $u, role: \"admin\") { id roles } }";
const REVOKE = "mutation ($u: ID!) { revokeRole(userId: $u, role: \"admin\") { id roles } }";
const assignAdmin = (by: SignedIn, to: SignedIn) => graphql(platform, ASSIGN, { variables: { u: to.userId }, token: by.token });
const revokeAdmin = (by: SignedIn, from: SignedIn) => graphql(platform, REVOKE, { variables: { u: from.userId }, token: by.token });
const canManageRoles = async (user: SignedIn) =>
  (await graphql<{ hasPermission: boolean }>(platform, "{ hasPermission(permission: \"manage_roles\") }", { token: user.token })).data
    ?.hasPermission;
const rolesOf = async (user: SignedIn) => (await graphql<{ me: { roles: string[] } }>(platform, "{ me { roles } }", { token: user.token })).data?.me.roles;

describe("a demoted admin", () => {
  it("cannot re-grant itself admin nor demote the admin who demoted it, with its old token", async () => {
    const [a, b] = [await signUpAdmin(platform), await signUpAdmin(platform)];
    expect((await revokeAdmin(a, b)).data).toEqual({ revokeRole: { id: b.userId, roles: ["member"] } });

    const regrant = await assignAdmin(b, b);
    expect(regrant.data).toBeNull(); // assignRole is non-null: the error nulls the whole answer
    expect(code(regrant)).toBe("FORBIDDEN");
    const demote = await revokeAdmin(b, a);
    expect(demote.data).toBeNull();
    expect(code(demote)).toBe("FORBIDDEN");

    expect(await canManageRoles(a)).toBe(true);
    expect(await rolesOf(a)).toEqual(["admin", "member"]);
    expect(await canManageRoles(b)).toBe(false);
    expect(await rolesOf(b)).toEqual(["member"]);
    const users = await graphql(platform, "{ users(first: 1) { edges { cursor } } }", { token: b.token });
    expect(code(users)).toBe("FORBIDDEN");
  });
});

describe("a promoted member", () => {
  it("holds the new role's permissions at once, with the token it already has", async () => {
    const member = await signUp(platform, "promoted");
    expect(await canManageRoles(member)).toBe(false);
    expect((await assignAdmin(keeper, member)).data).toEqual({ assignRole: { id: member.userId, roles: ["admin", "member"] } });
    expect(await canManageRoles(member)).toBe(true);
    expect(await rolesOf(member)).toEqual(["admin", "member"]);
    const users = await graphql(platform, "{ users(first: 1) { edges { cursor } } }", { token: member.token });
    expect(users.errors).toBeUndefined();
  });
});

describe("grant, revoke and act in any order (property-based)", () => {
  type Step = { kind: "grant" | "revoke"; by: number; target: number } | { kind: "act"; by: number };
  const USERS = 3;
  const who = fc.nat({ max: USERS - 1 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constantFrom("grant" as const, "revoke" as const), by: who, target: who }),
    fc.record({ kind: fc.constant("act" as const), by: who }),
  );

  let users: SignedIn[];
  beforeAll(async () => {
    users = await Promise.all(Array.from({ length: USERS }, () => signUp(platform, "model")));
  });

  it("every request is authorized by the roles the model says the user holds at that moment", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        // User 0 starts as admin, the others as members; all keep their first token throughout.
        for (const [i, user] of users.entries()) expect((i === 0 ? await assignAdmin(keeper, user) : await revokeAdmin(keeper, user)).errors).toBeUndefined();
        const admins = new Set([0]);
        for (const s of steps) {
          const actor = users[s.by]!;
          if (s.kind === "act") {
            expect(await canManageRoles(actor)).toBe(admins.has(s.by));
            continue;
          }
          const target = users[s.target]!;
          const response = s.kind === "grant" ? await assignAdmin(actor, target) : await revokeAdmin(actor, target);
          if (!admins.has(s.by)) {
            expect(code(response)).toBe("FORBIDDEN");
            continue;
          }
          expect(response.errors).toBeUndefined();
          if (s.kind === "grant") admins.add(s.target);
          else admins.delete(s.target);
        }
        for (const [i, user] of users.entries()) expect(await rolesOf(user)).toEqual(admins.has(i) ? ["admin", "member"] : ["member"]);
      }),
      { numRuns: 8 },
    );
  });
});
