import { probe } from "../../../../../shared/rpc";
import { callMeta, callService, type ServiceName } from "../services";
import type { GatewayContext } from "../context";

interface ServiceHealth {
  name: string;
  ok: boolean;
  latencyMs: number;
}

/** How long one service may take to answer its health check before it counts as down. */
const HEALTH_TIMEOUT_MS = 2_000;

function internalServices(env: GatewayEnv) {
  return { auth: env.AUTH, security: env.SECURITY, user: env.USER, stock: env.STOCK, trading: env.TRADING };
}

interface Health {
  status: string;
  services: ServiceHealth[];
}

/** Calls every internal service's health() over its binding, in parallel, with a timeout. */
async function checkHealth(ctx: GatewayContext): Promise<Health> {
  const meta = callMeta(ctx);
  const own: ServiceHealth = { name: "gateway", ok: true, latencyMs: performance.now() - ctx.receivedAt };
  const checks = Object.entries(internalServices(ctx.env)).map(async ([name, service]) => {
    const result = await probe(async () => {
      const report = await callService(ctx, name as ServiceName, "health", () => service.health(meta));
      if (!report.ok) throw new Error(`unhealthy: ${JSON.stringify(report.checks)}`);
    }, HEALTH_TIMEOUT_MS);
    if (!result.ok) ctx.log.warn("service unhealthy", { service: name, error: result.error });
    return { name, ok: result.ok, latencyMs: result.latencyMs };
  });
  const services = [own, ...(await Promise.all(checks))];
  return { status: services.every((s) => s.ok) ? "ok" : "degraded", services };
}

/** One round of checks per request, however many aliases of `health` it asks for. */
const checked = new WeakMap<GatewayContext, Promise<Health>>();

export function health(ctx: GatewayContext): Promise<Health> {
  let answer = checked.get(ctx);
  if (!answer) {
    answer = checkHealth(ctx);
    checked.set(ctx, answer);
  }
  return answer;
}
