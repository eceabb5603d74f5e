/** For the hardening tests: the real yoga under a configuration of the test's choosing. */
import { env } from "cloudflare:workers";
import { createLogger } from "../../../../shared/logger";
import { createMetrics } from "../../../../shared/metrics";
import { loadGatewayConfig } from "../config";
import type { RequestContext } from "../graphql/context";
import { yoga } from "../graphql/yoga";

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** A request context as app.ts builds it, with `vars` over the Worker's own, its log lines and reported errors. */
export function testContext(vars: Record<string, string> = {}, extra: Partial<RequestContext> = {}) {
  const lines: Record<string, unknown>[] = [];
  const reported: unknown[] = [];
  const requestId = `test-${crypto.randomUUID()}`;
  const context: RequestContext = {
    env,
    config: loadGatewayConfig({ ...env, ...vars }),
    requestId,
    log: createLogger({ service: "gateway", requestId, sink: (line) => lines.push(JSON.parse(line)) }),
    metrics: createMetrics(env.METRICS, "gateway"),
    observation: { operation: "POST /graphql", outcome: "ok" },
    receivedAt: performance.now(),
    viewer: null,
    reportError: (error) => reported.push(error),
    waitUntil: (work) => void work.catch(() => undefined),
    ...extra,
  };
  return { context, lines, reported };
}

export const GRAPHQL_RESPONSE = "application/graphql-response+json";

export function postGraphQL(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request("http://gateway.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: GRAPHQL_RESPONSE, ...headers },
    body: JSON.stringify(body),
  });
}

export function getGraphQL(params: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`http://gateway.test/graphql?${new URLSearchParams(params)}`, {
    headers: { accept: GRAPHQL_RESPONSE, ...headers },
  });
}

/** The gateway's yoga answering `request` under `vars`. */
export async function ask(request: Request, vars: Record<string, string> = {}, extra: Partial<RequestContext> = {}) {
  const { context, lines, reported } = testContext(vars, extra);
  const response = await yoga.fetch(request, context);
  return { response, body: (await response.json()) as GraphQLBody, context, lines, reported };
}

export const codesOf = (body: GraphQLBody) => [...new Set(body.errors?.map((e) => e.extensions?.["code"]))];
