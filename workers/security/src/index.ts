/** The security service: roles and permissions (RBAC), reached only over Workers RPC (contract.ts). */
import * as v from "valibot";
import { failure, success, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { callLogger, InternalEntrypoint, observeRpc, serviceHealth } from "../../../shared/rpc-server";
import { parseInput, UserId } from "../../../shared/validation";
import { loadSecurityConfig } from "./config";
import { openDb } from "../../../shared/d1";
import { AccessRequest, RoleChange, RoleRevocation, UserRemoval, type Access, type RoleInfo, type SecurityRpc } from "./contract";
import { accessOf, adminIds, grant, removeGrants, revoke, roleInfos } from "./roles";

const lastAdmin = <T>() => failure<T>("FORBIDDEN", "The last admin cannot lose the admin role");

export default class SecurityService extends InternalEntrypoint<SecurityEnv> implements SecurityRpc {
  #db = openDb(this.env.SECURITY_DB);

  health(_meta: CallMeta): Promise<HealthReport> {
    return serviceHealth("security", () => loadSecurityConfig(this.env), this.env.SECURITY_DB);
  }

  async access(_meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Access>>> {
    const input = parseInput(AccessRequest, { userIds });
    if (!input.ok) return input;
    callLogger().debug("access", { users: input.value.userIds.length });
    return success(await accessOf(this.#db, input.value.userIds));
  }

  roles(_meta: CallMeta): Promise<RoleInfo[]> {
    return roleInfos(this.#db);
  }

  async grantRole(_meta: CallMeta, userId: string, role: string): Promise<RpcResult<Access>> {
    const input = parseInput(RoleChange, { userId, role });
    if (!input.ok) return input;
    const outcome = await grant(this.#db, input.value.userId, input.value.role, new Date().toISOString());
    if (!outcome.roleExists) return failure("NOT_FOUND", `Unknown role "${input.value.role}"`);
    callLogger().info("role granted", input.value);
    return success(outcome.access);
  }

  admins(_meta: CallMeta): Promise<string[]> {
    return adminIds(this.#db);
  }

  async revokeRole(_meta: CallMeta, userId: string, role: string, adminsWithAccount: string[]): Promise<RpcResult<Access>> {
    const input = parseInput(RoleRevocation, { userId, role, adminsWithAccount });
    if (!input.ok) return input;
    const outcome = await revoke(this.#db, input.value.userId, input.value.role, input.value.adminsWithAccount);
    if (!outcome.roleExists) return failure("NOT_FOUND", `Unknown role "${input.value.role}"`);
    if (outcome.lastAdmin) return lastAdmin();
    callLogger().info("role revoked", { userId: input.value.userId, role: input.value.role });
    return success(outcome.access);
  }

  async removeUser(_meta: CallMeta, userId: string, adminsWithAccount: string[]): Promise<RpcResult<null>> {
    if (!v.is(UserId, userId)) {
      callLogger().warn("removeUser: not a UUID, nothing to remove", { userId });
      return success(null);
    }
    const admins = parseInput(UserRemoval, { adminsWithAccount });
    if (!admins.ok) return admins;
    if (!(await removeGrants(this.#db, userId, admins.value.adminsWithAccount))) return lastAdmin();
    callLogger().info("user removed", { userId });
    return success(null);
  }
}

observeRpc("security", SecurityService);
