/** The security service: roles and permissions (RBAC), reached only over Workers RPC. */
import * as v from "valibot";
import { InternalEntrypoint } from "../../../shared/internal-entrypoint";
import { observeRpc } from "../../../shared/observe-rpc";
import { createLogger, type Logger } from "../../../shared/logger";
import { failure, healthReport, success, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { loadSecurityConfig } from "./config";
import { AdminsWithAccount, parseInput, RoleName, UserId, UserIds } from "./input";
import { openDb } from "../../../shared/d1";
import { accessOf, adminIds, grant, removeGrants, revoke, roleInfos } from "./roles";
import type { Access, RoleInfo } from "./types";

export type { Access, RoleInfo } from "./types";

const RoleChange = v.object({ userId: UserId, role: RoleName });
const RoleRevocation = v.object({ userId: UserId, role: RoleName, adminsWithAccount: AdminsWithAccount });

const lastAdmin = <T>() => failure<T>("FORBIDDEN", "The last admin cannot lose the admin role");

export default class SecurityService extends InternalEntrypoint<SecurityEnv> {
  #db = openDb(this.env.SECURITY_DB);

  health(meta: CallMeta): Promise<HealthReport> {
    return healthReport("security", meta, {
      config: async () => loadSecurityConfig(this.env),
      database: () => this.env.SECURITY_DB.prepare("SELECT 1").first(),
    });
  }

  /** Roles and permissions of every asked user; users without grants get empty lists. */
  async access(meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Access>>> {
    const input = parseInput(v.object({ userIds: UserIds }), { userIds });
    if (!input.ok) return input;
    this.#logger(meta).debug("access", { users: input.value.userIds.length });
    return success(await accessOf(this.#db, input.value.userIds));
  }

  roles(_meta: CallMeta): Promise<RoleInfo[]> {
    return roleInfos(this.#db);
  }

  async grantRole(meta: CallMeta, userId: string, role: string): Promise<RpcResult<Access>> {
    const input = parseInput(RoleChange, { userId, role });
    if (!input.ok) return input;
    const outcome = await grant(this.#db, input.value.userId, input.value.role, new Date().toISOString());
    if (!outcome.roleExists) return failure("NOT_FOUND", `Unknown role "${input.value.role}"`);
    this.#logger(meta).info("role granted", input.value);
    return success(outcome.access);
  }

  /**
   * Every holder of the admin role. The last-admin guard counts only those with an
   * account, which the caller (auth, the gateway) looks up and passes back as `adminsWithAccount`.
   */
  admins(_meta: CallMeta): Promise<string[]> {
    return adminIds(this.#db);
  }

  /** Takes a role; never the admin role of the last admin with an account (FORBIDDEN). */
  async revokeRole(meta: CallMeta, userId: string, role: string, adminsWithAccount: string[]): Promise<RpcResult<Access>> {
    const input = parseInput(RoleRevocation, { userId, role, adminsWithAccount });
    if (!input.ok) return input;
    const outcome = await revoke(this.#db, input.value.userId, input.value.role, input.value.adminsWithAccount);
    if (!outcome.roleExists) return failure("NOT_FOUND", `Unknown role "${input.value.role}"`);
    if (outcome.lastAdmin) return lastAdmin();
    this.#logger(meta).info("role revoked", { userId: input.value.userId, role: input.value.role });
    return success(outcome.access);
  }

  /**
   * Drops every grant of a user being deleted, or none (FORBIDDEN) when they are the last
   * admin with an account. An id that is not a UUID holds no grant: nothing to remove.
   */
  async removeUser(meta: CallMeta, userId: string, adminsWithAccount: string[]): Promise<RpcResult<null>> {
    const logger = this.#logger(meta);
    if (!v.is(UserId, userId)) {
      logger.warn("removeUser: not a UUID, nothing to remove", { userId });
      return success(null);
    }
    const admins = parseInput(v.object({ adminsWithAccount: AdminsWithAccount }), { adminsWithAccount });
    if (!admins.ok) return admins;
    if (!(await removeGrants(this.#db, userId, admins.value.adminsWithAccount))) return lastAdmin();
    logger.info("user removed", { userId });
    return success(null);
  }

  #logger(meta: CallMeta): Logger {
    return createLogger({ service: "security", requestId: meta.requestId, level: loadSecurityConfig(this.env).LOG_LEVEL });
  }
}

observeRpc("security", SecurityService);
