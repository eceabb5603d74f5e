/**
 * The auth Worker: public HTTP routes (registration, login, sessions, JWKS) and an RPC
 * entrypoint for the gateway.
 */
import { WorkerEntrypoint } from "cloudflare:workers";
import { openDb } from "../../../shared/d1";
import { observeRpc } from "../../../shared/observe-rpc";
import { createLogger } from "../../../shared/logger";
import { healthReport, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { listAccountsPage, lookUpAccounts, type Account, type AccountsPage } from "./accounts";
import { app } from "./app";
import { loadAuthConfig } from "./config";

export type { Account, AccountsPage };

export default class AuthService extends WorkerEntrypoint<AuthEnv> {
  #db = openDb(this.env.AUTH_DB);

  override fetch(request: Request): Promise<Response> {
    return Promise.resolve(app.fetch(request, this.env, this.ctx));
  }

  health(meta: CallMeta): Promise<HealthReport> {
    return healthReport("auth", meta, {
      config: async () => loadAuthConfig(this.env),
      database: () => this.env.AUTH_DB.prepare("SELECT 1").first(),
    });
  }

  /** Accounts by id; unknown ids are absent. */
  async accounts(meta: CallMeta, userIds: string[]): Promise<RpcResult<Record<string, Account>>> {
    const result = await lookUpAccounts(this.#db, userIds);
    this.#log(meta).info("accounts", { asked: Array.isArray(userIds) ? userIds.length : 0, ok: result.ok });
    return result;
  }

  /** Accounts newest first (createdAt desc, id desc), `first` 1..100, opaque cursor. */
  async listAccounts(meta: CallMeta, page: { first: number; after?: string }): Promise<RpcResult<AccountsPage>> {
    const result = await listAccountsPage(this.#db, page);
    this.#log(meta).info("listAccounts", { first: page?.first, ok: result.ok });
    return result;
  }

  #log(meta: CallMeta) {
    return createLogger({ service: "auth", requestId: meta.requestId, level: loadAuthConfig(this.env).LOG_LEVEL });
  }
}

observeRpc("auth", AuthService);
