/** The security service: roles and permissions (RBAC), reached only over Workers RPC. */
import { InternalEntrypoint } from "../../../shared/internal-entrypoint";
import { healthReport, type CallMeta, type HealthReport } from "../../../shared/rpc";
import { loadSecurityConfig } from "./config";

export default class SecurityService extends InternalEntrypoint<SecurityEnv> {
  health(meta: CallMeta): Promise<HealthReport> {
    return healthReport("security", meta, {
      config: async () => loadSecurityConfig(this.env),
      database: () => this.env.SECURITY_DB.prepare("SELECT 1").first(),
    });
  }
}
