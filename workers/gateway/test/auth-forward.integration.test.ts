import { fileURLToPath } from "node:url";
import { createTestHarness } from "wrangler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPATIBILITY_DATE } from "../../../scripts/compatibility-date.ts";
import { workerNamed } from "../../../scripts/workers.ts";

// The gateway bound to an echo Worker in place of auth: shows byte for byte what crosses.
const harness = createTestHarness({
  root: fileURLToPath(new URL("../../../", import.meta.url)),
  workers: [
    {
      configPath: "wrangler.toml",
      vars: { ENVIRONMENT: "test" },
      // Every Worker the gateway binds (AUTH, STOCK, ...) is the echo Worker here.
      bindingOverrides: Object.fromEntries(workerNamed("gateway").binds.map((name) => [name.toUpperCase(), "auth-echo"])),
    },
    {
      config: {
        name: "auth-echo",
        main: "workers/gateway/test/fixtures/echo-worker.ts",
        compatibility_date: COMPATIBILITY_DATE,
      },
    },
  ],
});

beforeAll(() => harness.listen());
afterAll(() => harness.close());

describe("/auth/* forwarding", () => {
  it("passes method, path, query, headers and body through, and every Set-Cookie back", async () => {
    const body = JSON.stringify({ email: "a@example.com", password: "correct horse battery" });
    const response = await harness.fetch("/auth/login?next=%2Fhome", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: "fafnir_refresh=abc; fafnir_csrf=xyz",
        "x-csrf-token": "xyz",
        authorization: "Bearer token-123",
      },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual([
      "first=1; HttpOnly; Secure; SameSite=Lax; Path=/",
      "second=2; HttpOnly; Secure; SameSite=Strict; Path=/auth",
    ]);
    const seen = (await response.json()) as { method: string; url: string; headers: Record<string, string>; body: string };
    expect(seen.method).toBe("POST");
    expect(new URL(seen.url).pathname + new URL(seen.url).search).toBe("/auth/login?next=%2Fhome");
    expect(seen.body).toBe(body);
    expect(seen.headers).toMatchObject({
      "content-type": "application/json",
      cookie: "fafnir_refresh=abc; fafnir_csrf=xyz",
      "x-csrf-token": "xyz",
      authorization: "Bearer token-123",
    });
    expect(seen.headers["x-request-id"]).toBe(response.headers.get("x-request-id"));
  });

  it.each(["GET", "PUT", "PATCH", "DELETE"])("forwards %s", async (method) => {
    const response = await harness.fetch("/auth/account", { method, ...(method === "GET" ? {} : { body: "x" }) });
    expect(((await response.json()) as { method: string }).method).toBe(method);
  });
});
