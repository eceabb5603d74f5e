/** The user service: profiles and watchlists, reached only over Workers RPC. */
import { InternalEntrypoint } from "../../../shared/internal-entrypoint";
import { healthReport, type CallMeta, type HealthReport } from "../../../shared/rpc";
import { loadUserConfig } from "./config";

export default class UserService extends InternalEntrypoint<UserEnv> {
  health(meta: CallMeta): Promise<HealthReport> {
    return healthReport("user", meta, {
      config: async () => loadUserConfig(this.env),
      database: () => this.env.USER_DB.prepare("SELECT 1").first(),
    });
  }
}
