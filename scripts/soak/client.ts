/**
 * One simulated user's HTTP client: its own client address on every request, the answer's
 * codes read from either error shape (GraphQL `errors[].extensions.code`, auth API
 * `error.code`), and throttled answers waited out (Retry-After) and sent again, a bounded
 * number of times.
 */
import type { Recorder } from "./recorder.ts";

/** The platform as the internet sees it (the gateway), e.g. the test harness's fetch. */
export type PlatformFetch = (
  path: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface Answer {
  status: number;
  codes: string[];
  throttled: boolean;
  /** The parsed JSON body; undefined when empty or not JSON. */
  body: unknown;
}

interface ErrorBodies {
  errors?: { extensions?: { code?: string; retryAfter?: number } }[];
  error?: { code?: string };
}

/** How often one request is sent again after being throttled. */
const MAX_THROTTLED_RETRIES = 3;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class SoakClient {
  private readonly fetch: PlatformFetch;
  private readonly recorder: Recorder;
  private readonly address: string;
  private readonly requestTimeoutMs: number;

  constructor(fetch: PlatformFetch, recorder: Recorder, address: string, requestTimeoutMs: number) {
    this.fetch = fetch;
    this.recorder = recorder;
    this.address = address;
    this.requestTimeoutMs = requestTimeoutMs;
  }

  graphql(kind: string, query: string, variables: Record<string, unknown>, token: string | undefined, until: number) {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json" };
    if (token) headers.authorization = `Bearer ${token}`;
    return this.send(kind, "/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) }, until);
  }

  auth(kind: string, path: string, body: Record<string, unknown> | undefined, token: string | undefined, until: number) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    return this.send(kind, path, { method: "POST", headers, ...(body ? { body: JSON.stringify(body) } : {}) }, until);
  }

  /**
   * The answer, after waiting out up to MAX_THROTTLED_RETRIES throttled ones (never past
   * `until`, a performance.now() instant; the last throttled answer is returned then), or
   * undefined when the request got no answer at all.
   */
  private async send(kind: string, path: string, init: { method: string; headers: Record<string, string>; body?: string }, until: number) {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.once(kind, path, init);
      if (!answer?.throttled) return answer?.value;
      const waitMs = answer.retryAfterSeconds * 1000;
      if (attempt === MAX_THROTTLED_RETRIES || performance.now() + waitMs > until) return answer.value;
      await sleep(waitMs);
    }
  }

  private async once(kind: string, path: string, init: { method: string; headers: Record<string, string>; body?: string }) {
    const started = performance.now();
    let status: number;
    let text: string;
    let retryAfterHeader: string | null;
    try {
      const response = await this.fetch(path, {
        ...init,
        headers: { ...init.headers, "cf-connecting-ip": this.address },
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
      status = response.status;
      retryAfterHeader = response.headers.get("retry-after");
      text = await response.text();
    } catch (error) {
      this.recorder.transportError(kind, error);
      return undefined;
    }
    const ms = performance.now() - started;
    const body = parseJson(text);
    const errors = body as ErrorBodies | undefined;
    const codes = [...(errors?.errors ?? []).map((e) => e.extensions?.code ?? "NO_CODE"), ...(errors?.error ? [errors.error.code ?? "NO_CODE"] : [])];
    const retryAfter = Number(retryAfterHeader ?? errors?.errors?.find((e) => e.extensions?.retryAfter)?.extensions?.retryAfter);
    const throttled =
      status === 429 || codes.includes("RATE_LIMITED") || (status === 503 && path.startsWith("/auth/") && retryAfterHeader !== null);
    this.recorder.record({ kind, status, codes, throttled, clean: status < 300 && codes.length === 0, ms });
    return {
      throttled,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1,
      value: { status, codes, throttled, body } satisfies Answer,
    };
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
