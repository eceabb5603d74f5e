/** CORS from CORS_ORIGINS and the per-address rate limit, through the real gateway bundle. */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";

type HarnessResponse = Awaited<ReturnType<Platform["fetch"]>>;

let platform: Platform;
beforeAll(async () => {
  // Rate limits are off under ENVIRONMENT=test, which the platform runs with.
  platform = await startPlatform({ vars: { gateway: { RATE_LIMITS: "true" } } });
});
afterAll(() => platform?.stop());

// wrangler.toml: CORS_ORIGINS and [[ratelimits]] RATE_LIMIT_BY_IP.
const ALLOWED_ORIGIN = "http://localhost:5173";
const REFUSED_ORIGIN = "https://evil.example";
const config = unstable_readConfig({ config: fileURLToPath(new URL("../../../wrangler.toml", import.meta.url)) });
const limiters = config.ratelimits as { name: string; simple: { limit: number; period: number } }[];
const ipLimiter = limiters.find((r) => r.name === "RATE_LIMIT_BY_IP")!.simple;

const typename = (headers: Record<string, string>) =>
  platform.fetch("/graphql?query=%7B__typename%7D", { headers: { accept: "application/graphql-response+json", ...headers } });

const preflight = (origin: string) =>
  platform.fetch("/graphql", {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
  });

const CORS_HEADER = /^access-control-/;
const corsHeadersOf = (response: HarnessResponse) => [...response.headers.keys()].filter((name) => CORS_HEADER.test(name));

describe("CORS", () => {
  it("lets an allowed origin read responses, with the request id exposed", async () => {
    const response = await typename({ origin: ALLOWED_ORIGIN });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-expose-headers")).toContain("x-request-id");
  });

  it("does not let another origin read responses", async () => {
    const response = await typename({ origin: REFUSED_ORIGIN });
    expect(corsHeadersOf(response)).toEqual([]);
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("answers an allowed origin's preflight for GET and POST only", async () => {
    const response = await preflight(ALLOWED_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET,POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type");
  });

  it("gives a refused origin's preflight no CORS header at all", async () => {
    const response = await preflight(REFUSED_ORIGIN);
    expect(corsHeadersOf(response)).toEqual([]);
  });
});

const authPreflight = (origin: string, path: string, method: string) =>
  platform.fetch(path, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": "content-type,x-csrf-token" },
  });

describe("CORS on the auth API, under the same policy as /graphql", () => {
  it.each([
    ["/auth/login", "POST"],
    ["/auth/me", "GET"],
    ["/auth/account", "DELETE"],
  ])("answers an allowed origin's preflight for %s %s, with credentials and the requested headers", async (path, method) => {
    const response = await authPreflight(ALLOWED_ORIGIN, path, method);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-methods")?.split(",")).toContain(method);
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type,x-csrf-token");
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("gives a refused origin's preflight no CORS header at all", async () => {
    const response = await authPreflight(REFUSED_ORIGIN, "/auth/login", "POST");
    expect(corsHeadersOf(response)).toEqual([]);
  });

  it("lets an allowed origin sign in and read the answer, with credentials", async () => {
    const response = await platform.fetch("/auth/login", {
      method: "POST",
      headers: { origin: ALLOWED_ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@example.com", password: "not the password at all" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("does not let another origin read the auth API's answers", async () => {
    const response = await platform.fetch("/auth/me", { headers: { origin: REFUSED_ORIGIN } });
    expect(response.status).toBe(401);
    expect(corsHeadersOf(response)).toEqual([]);
    expect(response.headers.get("vary")).toContain("Origin");
  });
});

describe("rate limit per client address", () => {
  it("answers RATE_LIMITED with retryAfter and Retry-After once an address is over its limit", async () => {
    // The local limiter counts in fixed windows: a window may end mid-test and start the
    // count over once, so the refusal comes within two windows' worth of requests.
    const address = "203.0.113.7";
    let accepted = 0;
    let refused: HarnessResponse | undefined;
    while (!refused && accepted <= 2 * ipLimiter.limit) {
      const response = await typename({ "cf-connecting-ip": address });
      if (response.status === 429) refused = response;
      else {
        expect(response.status).toBe(200);
        accepted++;
        await response.arrayBuffer();
      }
    }
    expect(accepted).toBeGreaterThanOrEqual(ipLimiter.limit);
    // Retry-After is the configured window: rate-limit.ts's constant must follow wrangler.toml.
    expect(refused?.headers.get("retry-after")).toBe(String(ipLimiter.period));
    expect(await refused?.json()).toEqual({
      errors: [
        {
          message: `Too many requests: try again in ${ipLimiter.period} seconds.`,
          extensions: { code: "RATE_LIMITED", retryAfter: ipLimiter.period },
        },
      ],
    });
    // Another address is not affected.
    expect((await typename({ "cf-connecting-ip": "203.0.113.8" })).status).toBe(200);
  });
});
