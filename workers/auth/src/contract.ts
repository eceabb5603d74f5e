/**
 * The RPC contract of auth's entrypoint (its HTTP API is shared/contract/auth-api.md): what
 * the gateway and tests import of it. Pure (valibot and shared/'s rule modules only), so
 * Node can import it too.
 */
import * as v from "valibot";
import { rpcMethods, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";

export interface Account {
  id: string;
  email: string;
  createdAt: string;
}

/** An account in a listing, with the cursor that resumes the listing after it. */
export type ListedAccount = Account & { cursor: string };

export interface AccountsPage {
  accounts: ListedAccount[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface AuthRpc {
  health(meta: CallMeta): Promise<HealthReport>;
  /** Accounts by id (1..100 ids); unknown ids are absent. */
  accounts(meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Account>>>;
  /** Accounts newest first (createdAt desc, id desc), `first` 1..100, `after` an opaque cursor of a previous page. */
  listAccounts(meta: CallMeta, page: { first: number; after?: string }): Promise<RpcResult<AccountsPage>>;
}

export const AUTH_METHODS = /* @__PURE__ */ rpcMethods<AuthRpc>()(["health", "accounts", "listAccounts"]);

export const AccountIds = v.pipe(v.array(v.string()), v.minLength(1), v.maxLength(100));
export const AccountsPageRequest = v.object({
  first: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  after: v.optional(v.string()),
});
