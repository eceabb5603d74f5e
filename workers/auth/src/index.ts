/**
 * The auth Worker: public HTTP routes (registration, login, sessions, JWKS) and an RPC
 * entrypoint for the gateway.
 */
import { WorkerEntrypoint } from "cloudflare:workers";
import { healthReport, type CallMeta, type HealthReport } from "../../../shared/rpc";
import { app } from "./app";
import { loadAuthConfig } from "./config";

export default class AuthService extends WorkerEntrypoint<AuthEnv> {
  override fetch(request: Request): Promise<Response> {
    return Promise.resolve(app.fetch(request, this.env, this.ctx));
  }

  health(meta: CallMeta): Promise<HealthReport> {
    return healthReport("auth", meta, {
      config: async () => loadAuthConfig(this.env),
      database: () => this.env.AUTH_DB.prepare("SELECT 1").first(),
    });
  }
}
