/**
 * The security service's RPC contract: what callers (gateway, auth, tests, stand-ins) import
 * of it. Pure (valibot and shared/'s rule modules only), so Node can import it too.
 */
import * as v from "valibot";
import { rpcMethods, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { UserId, UserIds } from "../../../shared/validation";

/** What one user may do: role and permission names, each sorted (the gateway checks fields against `permissions`). */
export interface Access {
  roles: string[];
  permissions: string[];
}

export interface RoleInfo {
  name: string;
  description: string;
  /** Sorted. */
  permissions: string[];
}

export interface SecurityRpc {
  health(meta: CallMeta): Promise<HealthReport>;
  /** Access of every asked user (1..100 ids); users without grants get empty lists. */
  access(meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Access>>>;
  /** Every role, sorted by name, with its sorted permissions. */
  roles(meta: CallMeta): Promise<RoleInfo[]>;
  /** Grants a role (a no-op when held); NOT_FOUND for a role that does not exist. */
  grantRole(meta: CallMeta, userId: string, role: string): Promise<RpcResult<Access>>;
  /**
   * Every holder of the admin role, with an account or not. The last-admin guard counts
   * only those with an account, which the caller (auth, the gateway) looks up and passes
   * back as `adminsWithAccount`.
   */
  admins(meta: CallMeta): Promise<string[]>;
  /** Takes a role; never the admin role of the last admin with an account (FORBIDDEN). */
  revokeRole(meta: CallMeta, userId: string, role: string, adminsWithAccount: string[]): Promise<RpcResult<Access>>;
  /**
   * Drops every grant of a user being deleted, or none (FORBIDDEN) when they are the last
   * admin with an account. An id that is not a UUID holds no grant: nothing to remove.
   */
  removeUser(meta: CallMeta, userId: string, adminsWithAccount: string[]): Promise<RpcResult<null>>;
}

export const SECURITY_METHODS = /* @__PURE__ */ rpcMethods<SecurityRpc>()(["health", "access", "roles", "grantRole", "admins", "revokeRole", "removeUser"]);

/** The admins that have an account, as the caller found them (any number, none included). */
export const AdminsWithAccount = v.pipe(v.array(UserId, "must be a list of UUIDs"), v.maxLength(10_000, "must list at most 10,000 ids"));

/** The shape of a role name; whether the role exists is the database's answer. */
export const RoleName = v.pipe(
  v.string("must be a string"),
  v.regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a role name (lower-case letters, digits, underscores)"),
);

export const AccessRequest = v.object({ userIds: UserIds });
export const RoleChange = v.object({ userId: UserId, role: RoleName });
export const RoleRevocation = v.object({ userId: UserId, role: RoleName, adminsWithAccount: AdminsWithAccount });
export const UserRemoval = v.object({ adminsWithAccount: AdminsWithAccount });
