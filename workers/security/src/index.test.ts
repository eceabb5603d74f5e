import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { mainExport } from "../../../shared/testing/main-export";
import { rpcMethodNames } from "../../../shared/rpc-server";
import { SECURITY_METHODS } from "./contract";
import SecurityService from "./index";

const worker = mainExport<Service<SecurityService>>();

const meta = { requestId: "test-request-0001" };

const MEMBER = {
  roles: ["member"],
  permissions: ["manage_own_profile", "manage_own_watchlist", "trade", "view_stocks"],
};
const ADMIN_AND_MEMBER = {
  roles: ["admin", "member"],
  permissions: ["manage_own_profile", "manage_own_watchlist", "manage_roles", "trade", "view_stocks", "view_users"],
};

const grantsOf = async (userId: string) =>
  (await env.SECURITY_DB.prepare("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role").bind(userId).all<{ role: string }>())
    .results.map((row) => row.role);

describe("security service", () => {
  beforeEach(async () => {
    await env.SECURITY_DB.prepare("DELETE FROM user_roles").run();
  });

  it("reports healthy with its migrated database and valid config", async () => {
    const report = await worker.health(meta);
    expect(report.service).toBe("security");
    expect(report.ok).toBe(true);
    expect(report.checks.database?.ok).toBe(true);
    expect(report.checks.config?.ok).toBe(true);
  });

  it("serves exactly the methods of its contract", () => {
    expect(rpcMethodNames(SecurityService).sort()).toEqual([...SECURITY_METHODS].sort());
  });

  it("has no HTTP surface", async () => {
    const response = await worker.fetch("http://security.internal/anything");
    expect(response.status).toBe(404);
  });

  it("ships the contract's roles and permissions as migrations", async () => {
    const { results } = await env.SECURITY_DB.prepare(
      "SELECT role, group_concat(permission) AS permissions FROM (SELECT * FROM role_permissions ORDER BY permission) GROUP BY role ORDER BY role",
    ).all<{ role: string; permissions: string }>();
    expect(results).toEqual([
      { role: "admin", permissions: "manage_own_profile,manage_own_watchlist,manage_roles,trade,view_stocks,view_users" },
      { role: "member", permissions: "manage_own_profile,manage_own_watchlist,trade,view_stocks" },
    ]);
  });

  describe("roles", () => {
    it("lists every role sorted by name with its sorted permissions", async () => {
      const roles = await worker.roles(meta);
      expect(roles.map((role) => role.name)).toEqual(["admin", "member"]);
      expect(roles[0]).toEqual({
        name: "admin",
        description: expect.stringMatching(/.+/),
        permissions: ADMIN_AND_MEMBER.permissions,
      });
      expect(roles[1]?.permissions).toEqual(MEMBER.permissions);
    });
  });

  describe("access", () => {
    it("answers every asked id, with empty lists for users without grants", async () => {
      const [member, admin, nobody] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      await worker.grantRole(meta, member, "member");
      await worker.grantRole(meta, admin, "member");
      await worker.grantRole(meta, admin, "admin");
      const result = await worker.access(meta, [member, admin, nobody, member]);
      expect(result).toEqual({
        ok: true,
        value: { [member]: MEMBER, [admin]: ADMIN_AND_MEMBER, [nobody]: { roles: [], permissions: [] } },
      });
    });

    it("answers 100 ids at once", async () => {
      const ids = Array.from({ length: 100 }, () => crypto.randomUUID());
      for (const id of ids.filter((_, i) => i % 10 === 0)) await worker.grantRole(meta, id, "member");
      const result = await worker.access(meta, ids);
      if (!result.ok) throw new Error(result.error.message);
      expect(Object.keys(result.value).sort()).toEqual([...ids].sort());
      ids.forEach((id, i) => expect(result.value[id]).toEqual(i % 10 === 0 ? MEMBER : { roles: [], permissions: [] }));
    });

    it.each([
      ["no ids", []],
      ["more than 100 ids", Array.from({ length: 101 }, () => crypto.randomUUID())],
      ["an id that is not a UUID", [crypto.randomUUID(), "not-a-uuid"]],
      ["a non-string id", [42]],
    ])("rejects %s as BAD_USER_INPUT", async (_, ids) => {
      const result = await worker.access(meta, ids as string[]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("BAD_USER_INPUT");
    });

    it("names the invalid id in the details", async () => {
      const result = await worker.access(meta, [crypto.randomUUID(), "nope"]);
      expect(result).toMatchObject({ ok: false, error: { details: [{ field: "userIds.1", message: "must be a UUID" }] } });
    });
  });

  describe("grantRole", () => {
    it("grants a role and answers the user's access; granting again changes nothing", async () => {
      const userId = crypto.randomUUID();
      expect(await worker.grantRole(meta, userId, "member")).toEqual({ ok: true, value: MEMBER });
      expect(await worker.grantRole(meta, userId, "member")).toEqual({ ok: true, value: MEMBER });
      expect(await grantsOf(userId)).toEqual(["member"]);
    });

    it("answers NOT_FOUND for a role that does not exist, granting nothing", async () => {
      const userId = crypto.randomUUID();
      const result = await worker.grantRole(meta, userId, "superuser");
      expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      expect(await grantsOf(userId)).toEqual([]);
    });

    it.each([
      ["a bad user id", "123", "member", "userId"],
      ["a malformed role name", crypto.randomUUID(), "Admin; DROP TABLE", "role"],
      ["an empty role name", crypto.randomUUID(), "", "role"],
      ["a too long role name", crypto.randomUUID(), "a".repeat(65), "role"],
    ])("rejects %s as BAD_USER_INPUT", async (_, userId, role, field) => {
      const result = await worker.grantRole(meta, userId, role);
      expect(result).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field }] } });
    });
  });

  describe("admins", () => {
    it("lists every holder of the admin role, with an account or not", async () => {
      const [admin, member] = [crypto.randomUUID(), crypto.randomUUID()];
      await worker.grantRole(meta, admin, "admin");
      await worker.grantRole(meta, member, "member");
      expect(await worker.admins(meta)).toEqual([admin]);
    });
  });

  describe("revokeRole", () => {
    it("revokes a role; revoking again changes nothing", async () => {
      const [userId, other] = [crypto.randomUUID(), crypto.randomUUID()];
      await worker.grantRole(meta, userId, "member");
      await worker.grantRole(meta, userId, "admin");
      await worker.grantRole(meta, other, "admin");
      const admins = [userId, other];
      expect(await worker.revokeRole(meta, userId, "admin", admins)).toEqual({ ok: true, value: MEMBER });
      expect(await worker.revokeRole(meta, userId, "admin", admins)).toEqual({ ok: true, value: MEMBER });
      expect(await worker.revokeRole(meta, userId, "member", admins)).toEqual({ ok: true, value: { roles: [], permissions: [] } });
      expect(await grantsOf(userId)).toEqual([]);
    });

    it("answers NOT_FOUND for a role that does not exist", async () => {
      expect(await worker.revokeRole(meta, crypto.randomUUID(), "superuser", [])).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    });

    it("rejects bad input as BAD_USER_INPUT", async () => {
      expect(await worker.revokeRole(meta, "x", "member", [])).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
      expect(await worker.revokeRole(meta, crypto.randomUUID(), "ADMIN", [])).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
      expect(await worker.revokeRole(meta, crypto.randomUUID(), "admin", ["not-a-uuid"])).toMatchObject({
        ok: false,
        error: { code: "BAD_USER_INPUT", details: [{ field: "adminsWithAccount.0" }] },
      });
    });

    it("never removes the last admin", async () => {
      const admin = crypto.randomUUID();
      await worker.grantRole(meta, admin, "admin");
      expect(await worker.revokeRole(meta, admin, "admin", [admin])).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await grantsOf(admin)).toEqual(["admin"]);
    });

    it("counts no admin the caller says has no account", async () => {
      const [admin, stranger] = [crypto.randomUUID(), crypto.randomUUID()];
      await worker.grantRole(meta, admin, "admin");
      await worker.grantRole(meta, stranger, "admin");
      expect(await worker.revokeRole(meta, admin, "admin", [admin])).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await grantsOf(admin)).toEqual(["admin"]);
      // The stranger's grant makes no admin, so taking it never leaves the platform without one.
      expect(await worker.revokeRole(meta, stranger, "admin", [admin])).toEqual({ ok: true, value: { roles: [], permissions: [] } });
    });

    it("lets a non-admin's admin revoke be a no-op while one admin remains", async () => {
      const [admin, member] = [crypto.randomUUID(), crypto.randomUUID()];
      await worker.grantRole(meta, admin, "admin");
      await worker.grantRole(meta, member, "member");
      expect(await worker.revokeRole(meta, member, "admin", [admin])).toEqual({ ok: true, value: MEMBER });
    });

    it("lets only one of two revokes of the last two admins through", async () => {
      const admins = [crypto.randomUUID(), crypto.randomUUID()];
      for (const admin of admins) await worker.grantRole(meta, admin, "admin");
      const results = await Promise.all(admins.map((admin) => worker.revokeRole(meta, admin, "admin", admins)));
      expect(results.map((result) => (result.ok ? "revoked" : result.error.code)).sort()).toEqual(["FORBIDDEN", "revoked"]);
      const { results: remaining } = await env.SECURITY_DB.prepare("SELECT user_id FROM user_roles WHERE role = 'admin'").all();
      expect(remaining).toHaveLength(1);
    });
  });

  describe("removeUser", () => {
    it("removes every grant of the user and only theirs; removing again changes nothing", async () => {
      const [gone, kept] = [crypto.randomUUID(), crypto.randomUUID()];
      for (const role of ["member", "admin"]) {
        await worker.grantRole(meta, gone, role);
        await worker.grantRole(meta, kept, role);
      }
      expect(await worker.removeUser(meta, gone, [gone, kept])).toEqual({ ok: true, value: null });
      expect(await worker.removeUser(meta, gone, [kept])).toEqual({ ok: true, value: null });
      expect(await grantsOf(gone)).toEqual([]);
      expect(await grantsOf(kept)).toEqual(["admin", "member"]);
    });

    it("removes none of the last admin's grants, counting only admins with an account", async () => {
      const [admin, stranger] = [crypto.randomUUID(), crypto.randomUUID()];
      await worker.grantRole(meta, admin, "member");
      await worker.grantRole(meta, admin, "admin");
      await worker.grantRole(meta, stranger, "admin");
      expect(await worker.removeUser(meta, admin, [admin])).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await grantsOf(admin)).toEqual(["admin", "member"]);
    });

    it("lets only one of the last two admins go when both are removed at once", async () => {
      const admins = [crypto.randomUUID(), crypto.randomUUID()];
      for (const admin of admins) await worker.grantRole(meta, admin, "admin");
      const results = await Promise.all(admins.map((admin) => worker.removeUser(meta, admin, admins)));
      expect(results.map((result) => (result.ok ? "removed" : result.error.code)).sort()).toEqual(["FORBIDDEN", "removed"]);
      const { results: remaining } = await env.SECURITY_DB.prepare("SELECT user_id FROM user_roles WHERE role = 'admin'").all();
      expect(remaining).toHaveLength(1);
    });

    it("removes the admin grant of a user without an account (a registration being undone)", async () => {
      const [admin, pending] = [crypto.randomUUID(), crypto.randomUUID()];
      await worker.grantRole(meta, admin, "admin");
      await worker.grantRole(meta, pending, "admin");
      expect(await worker.removeUser(meta, pending, [admin])).toEqual({ ok: true, value: null });
      expect(await grantsOf(pending)).toEqual([]);
    });

    it("removes nothing for an id that is not a UUID", async () => {
      const kept = crypto.randomUUID();
      await worker.grantRole(meta, kept, "admin");
      expect(await worker.removeUser(meta, "' OR 1=1; --", [kept])).toEqual({ ok: true, value: null });
      expect(await grantsOf(kept)).toEqual(["admin"]);
    });
  });
});
