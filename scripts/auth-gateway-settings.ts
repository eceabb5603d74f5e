/**
 * What auth and the gateway must state alike in their wrangler configs, read with
 * wrangler's own config reader. `npm run deploy` refuses to start while they differ.
 */
import { unstable_readConfig } from "wrangler";
import { workerNamed } from "./workers.ts";

export interface AuthGatewayConfigs {
  auth: string;
  gateway: string;
}

const CONFIGS: AuthGatewayConfigs = { auth: workerNamed("auth").config, gateway: workerNamed("gateway").config };

/** Auth signs access tokens with these claims; the gateway accepts only tokens that carry its own. */
const TOKEN_CLAIM_VARS = ["JWT_ISSUER", "JWT_AUDIENCE"] as const;

/** One line per token-claim var the two configs do not both set to one value. */
export function tokenClaimMismatches(configs: AuthGatewayConfigs = CONFIGS): string[] {
  const auth = unstable_readConfig({ config: configs.auth }).vars;
  const gateway = unstable_readConfig({ config: configs.gateway }).vars;
  return TOKEN_CLAIM_VARS.filter((name) => auth[name] === undefined || auth[name] !== gateway[name]).map(
    (name) => `${name}: ${JSON.stringify(gateway[name])} in ${configs.gateway}, ${JSON.stringify(auth[name])} in ${configs.auth}`,
  );
}

/**
 * Auth writes revoked sessions and the gateway reads them: unless both bind one namespace,
 * a logout would never reach the gateway. Provisioning would give each Worker its own.
 */
export function sharedRevocationNamespace(configs: AuthGatewayConfigs = CONFIGS): string | undefined {
  const ids = [configs.auth, configs.gateway].map((config) => {
    const namespaces = unstable_readConfig({ config }).kv_namespaces;
    return namespaces.find((kv: { binding: string }) => kv.binding === "REVOKED_SESSIONS")?.id;
  });
  return ids[0] && ids[0] === ids[1] ? ids[0] : undefined;
}
