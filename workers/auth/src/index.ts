/**
 * The auth Worker: public HTTP routes (registration, login, sessions, JWKS) and an RPC
 * entrypoint for the gateway (contract.ts).
 */
import { WorkerEntrypoint } from "cloudflare:workers";
import { openDb } from "../../../shared/d1";
import { failure, success, type CallMeta, type HealthReport, type RpcResult } from "../../../shared/rpc";
import { callLogger, observeRpc, serviceHealth } from "../../../shared/rpc-server";
import { parseInput } from "../../../shared/validation";
import { listAccountsPage, lookUpAccounts } from "./accounts";
import { app } from "./app";
import { loadAuthConfig } from "./config";
import { OpenStreamRequest, StreamLeaseRequest, type Account, type AccountsPage, type AuthRpc, type StreamLease } from "./contract";
import { streamLeasesOf } from "./stream-leases/stream-leases";

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

  async openStream(_meta: CallMeta, userId: string, sessionId: string): Promise<RpcResult<StreamLease | null>> {
    const parsed = parseInput(OpenStreamRequest, { userId, sessionId });
    if (!parsed.ok) return parsed;
    const outcome = await streamLeasesOf(this.env, parsed.value.userId).open(parsed.value.sessionId);
    callLogger().info("openStream", { userId, sessionId, outcome: outcome.kind });
    if (outcome.kind === "revoked") return failure("UNAUTHENTICATED", "The session has ended: sign in again.");
    return success(outcome.kind === "opened" ? { leaseId: outcome.leaseId, ended: outcome.ended } : null);
  }

  async closeStream(_meta: CallMeta, userId: string, leaseId: string): Promise<void> {
    const parsed = parseInput(StreamLeaseRequest, { userId, leaseId });
    if (!parsed.ok) return callLogger().warn("closeStream: bad input, nothing to close", { error: parsed.error });
    await streamLeasesOf(this.env, parsed.value.userId).close(parsed.value.leaseId);
    callLogger().info("closeStream", { userId, leaseId });
  }
}

observeRpc("auth", AuthService);

export { StreamLeases } from "./stream-leases/stream-leases";
