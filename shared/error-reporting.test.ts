import { http, HttpResponse } from "msw";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { BaseConfig, ConfigError, configLoader } from "./config";
import { reportError, type ErrorContext } from "./error-reporting";
import { network, useNetworkMocks } from "./testing/msw-network";

useNetworkMocks();

const DSN = "https://publickey@sentry.test/7";

/** Reports `error` and waits for what the report kept the invocation alive for. */
async function report(env: { SENTRY_DSN?: string; SENTRY_RELEASE?: string; ENVIRONMENT?: string }, error: unknown, context: Partial<ErrorContext> = {}) {
  const pending: Promise<unknown>[] = [];
  reportError(env, error, { service: "stock", requestId: "req-12345678", waitUntil: (work) => void pending.push(work), ...context });
  await Promise.all(pending);
  return pending.length;
}

function captureEnvelopes(): string[] {
  const bodies: string[] = [];
  network.use(
    http.post("https://sentry.test/api/7/envelope/", async ({ request }) => {
      bodies.push(await request.text());
      return HttpResponse.json({});
    }),
  );
  return bodies;
}

describe("reportError", () => {
  it("sends nothing and keeps nothing alive without a DSN", async () => {
    const bodies = captureEnvelopes();
    expect(await report({}, new Error("boom"))).toBe(0);
    expect(await report({ SENTRY_DSN: "" }, new Error("boom"))).toBe(0);
    expect(bodies).toEqual([]);
  });

  it("sends one event with the service, request id, operation, release, environment and the error's cause chain", async () => {
    const bodies = captureEnvelopes();
    const error = new Error("query failed", { cause: new TypeError("no such table: instruments") });
    await report({ SENTRY_DSN: DSN, SENTRY_RELEASE: "fafnir@abc123", ENVIRONMENT: "production" }, error, { operation: "quotes" });
    expect(bodies).toHaveLength(1);
    const event = JSON.parse(bodies[0]!.split("\n")[2]!);
    expect(event).toMatchObject({
      release: "fafnir@abc123",
      environment: "production",
      tags: { service: "stock", request_id: "req-12345678", operation: "quotes" },
    });
    expect(event.exception.values.map((e: { value: string }) => e.value)).toEqual(["no such table: instruments", "query failed"]);
  });

  it("reports of a request only its method, path and harmless headers", async () => {
    const bodies = captureEnvelopes();
    const request = new Request("https://api.fafnir.dev/graphql?variables=%7B%22password%22%3A%22hunter22%22%7D", {
      method: "POST",
      headers: { authorization: "Bearer abc.def.ghi", cookie: "fafnir_refresh=r3fr3sh", "x-csrf-token": "csrf-1", "user-agent": "curl/8" },
      body: JSON.stringify({ password: "hunter22" }),
    });
    await report({ SENTRY_DSN: DSN }, new Error("boom"), { request, userId: "u-1" });
    const event = JSON.parse(bodies[0]!.split("\n")[2]!);
    expect(event.request).toEqual({ method: "POST", url: "https://api.fafnir.dev/graphql", headers: { "content-type": "text/plain;charset=UTF-8", "user-agent": "curl/8" } });
    expect(event.user).toEqual({ id: "u-1" });
    for (const secret of ["hunter22", "abc.def.ghi", "r3fr3sh", "csrf-1"]) expect(bodies[0]).not.toContain(secret);
  });

  it("never fails the caller when Sentry is down", async () => {
    network.use(http.post("https://sentry.test/api/7/envelope/", () => HttpResponse.error()));
    await expect(report({ SENTRY_DSN: DSN }, new Error("boom"))).resolves.toBe(1);
  });
});

describe("ErrorReportingConfig (part of every Worker's config)", () => {
  const load = configLoader("stock", v.object({ ...BaseConfig }));

  it("accepts no DSN, an empty one, or a Sentry DSN", () => {
    expect(load({ ENVIRONMENT: "test" }).SENTRY_DSN).toBe("");
    expect(load({ ENVIRONMENT: "test", SENTRY_DSN: "" }).SENTRY_DSN).toBe("");
    expect(load({ ENVIRONMENT: "test", SENTRY_DSN: "https://k3y@o12.ingest.de.sentry.io/4508" }).SENTRY_DSN).toBe("https://k3y@o12.ingest.de.sentry.io/4508");
  });

  it("names a malformed DSN at startup", () => {
    expect(() => load({ ENVIRONMENT: "test", SENTRY_DSN: "sentry.io/123" })).toThrow(ConfigError);
    expect(() => load({ ENVIRONMENT: "test", SENTRY_DSN: "sentry.io/123" })).toThrow(/SENTRY_DSN is malformed: must be a Sentry DSN/);
  });
});
