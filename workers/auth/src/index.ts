/**
 * The auth Worker: public HTTP routes (registration, login, sessions, JWKS) and an RPC
 * entrypoint for the gateway (contract.ts).
 */
import { WorkerEntrypoint } from "cloudflare:workers";
import { openDb } from "../../../shared/d1";
import type { CallMeta, HealthReport, RpcResult } from "../../../shared/rpc";
import { callLogger, observeRpc, serviceHealth } from "../../../shared/rpc-server";
import { listAccountsPage, lookUpAccounts } from "./accounts";
import { app } from "./app";
import { loadAuthConfig } from "./config";
import type { Account, AccountsPage, AuthRpc } from "./contract";

export default class AuthService extends WorkerEntrypoint<AuthEnv> implements AuthRpc {
  #db = openDb(this.env.AUTH_DB);

  override fetch(request: Request): Promise<Response> {
    return Promise.resolve(app.fetch(request, this.env, this.ctx));
  }

  health(_meta: CallMeta): Promise<HealthReport> {
    return serviceHealth("auth", () => loadAuthConfig(this.env), this.env.AUTH_DB);
  }

  async accounts(_meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Account>>> {
    const result = await lookUpAccounts(this.#db, userIds);
    callLogger().info("accounts", { asked: Array.isArray(userIds) ? userIds.length : 0, ok: result.ok });
    return result;
  }

  async listAccounts(_meta: CallMeta, page: { first: number; after?: string }): Promise<RpcResult<AccountsPage>> {
    const result = await listAccountsPage(this.#db, page);
    callLogger().info("listAccounts", { first: page?.first, ok: result.ok });
    return result;
  }
}

observeRpc("auth", AuthService);
