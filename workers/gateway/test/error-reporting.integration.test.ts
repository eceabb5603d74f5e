/**
 * Error reporting of the real platform: each of the five Workers fails for real (its own
 * D1 table gone, or, for the gateway, a service answering outside the RPC contract) while
 * answering a request that carries a password, a bearer token, a refresh token, cookies and
 * a CSRF token. Sentry is MSW in Node, where the harness sends the Workers' outbound
 * fetches; what it receives must identify the failure and carry none of those secrets.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { faultControls, standIn, startPlatform, type Platform } from "../../../scripts/testing/platform.ts";

const SENTRY_DSN = "https://publickey@sentry.test/4242";
const RELEASE = "fafnir@error-reporting-test";
const PASSWORD = "correct horse battery staple 9731";
const CSRF = "csrf-5e1b7d2a9c";

const envelopes: string[] = [];
const sentry = setupServer(
  http.post("https://sentry.test/api/4242/envelope/", async ({ request }) => {
    envelopes.push(await request.text());
    return HttpResponse.json({});
  }),
);

interface SentryEvent {
  release?: string;
  environment?: string;
  tags?: Record<string, string>;
  user?: { id?: string };
  request?: { method?: string; url?: string; headers?: Record<string, string> };
  exception?: { values?: { type?: string; value?: string; stacktrace?: { frames?: unknown[] } }[] };
}

/** The events of every envelope Sentry received (an envelope: header line, then item header and payload lines). */
function events(): SentryEvent[] {
  return envelopes.flatMap((envelope) => {
    const lines = envelope.split("\n");
    const found: SentryEvent[] = [];
    for (let i = 1; i + 1 < lines.length; i += 2) {
      if ((JSON.parse(lines[i]!) as { type?: string }).type === "event") found.push(JSON.parse(lines[i + 1]!) as SentryEvent);
    }
    return found;
  });
}

async function reported(service: string, requestId: string): Promise<SentryEvent> {
  return vi.waitFor(
    () => {
      const event = events().find((e) => e.tags?.["service"] === service && e.tags["request_id"] === requestId);
      if (!event) throw new Error(`no event from ${service} for ${requestId} yet (${events().length} events)`);
      return event;
    },
    { timeout: 10_000, interval: 50 },
  );
}

let platform: Platform;
let account: { userId: string; email: string; accessToken: string; refreshToken: string };

/** Every secret the requests below carry. */
const secrets = () => [PASSWORD, account.accessToken, account.refreshToken, CSRF];

/** A request as a signed-in browser with an API token would send it, secrets everywhere. */
async function send(path: string, body: unknown): Promise<{ status: number; requestId: string; text: string }> {
  const response = await platform.fetch(path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${account.accessToken}`,
      cookie: `fafnir_access=${account.accessToken}; fafnir_refresh=${account.refreshToken}; fafnir_csrf=${CSRF}`,
      "x-csrf-token": CSRF,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, requestId: response.headers.get("x-request-id")!, text: await response.text() };
}

/** A GraphQL request whose variables carry the password and refresh token too (unused variables are ignored). */
const query = (text: string) => send("/graphql", { query: text, variables: { password: PASSWORD, refreshToken: account.refreshToken } });

/** Runs `work` with `table` of a Worker's database renamed away: every query on it fails. */
async function withoutTable<T>(worker: "auth" | "security" | "user" | "stock", binding: string, table: string, work: () => Promise<T>): Promise<T> {
  const env = (await platform.worker(worker).getEnv()) as Record<string, { prepare(sql: string): { run(): Promise<unknown> } }>;
  const db = env[binding]!;
  await db.prepare(`ALTER TABLE ${table} RENAME TO ${table}_away`).run();
  try {
    return await work();
  } finally {
    await db.prepare(`ALTER TABLE ${table}_away RENAME TO ${table}`).run();
  }
}

function expectIdentified(event: SentryEvent, service: string, requestId: string): void {
  expect(event.release).toBe(RELEASE);
  expect(event.tags).toMatchObject({ service, request_id: requestId });
  const [exception] = event.exception?.values ?? [];
  expect(exception?.value).toBeTruthy();
  expect(exception?.stacktrace?.frames?.length).toBeGreaterThan(0);
}

function expectNoSecrets(): void {
  expect(envelopes.length).toBeGreaterThan(0);
  for (const envelope of envelopes) for (const secret of secrets()) expect(envelope).not.toContain(secret);
}

const sentryVars = { SENTRY_DSN, SENTRY_RELEASE: RELEASE };

beforeAll(async () => {
  sentry.listen();
  platform = await startPlatform({
    extraWorkers: [standIn("fault-stock", "shared/testing/stand-ins/stock.ts", "fafnir-stock")],
    bindingOverrides: { gateway: { STOCK: "fault-stock" } },
    vars: { gateway: sentryVars, auth: sentryVars, security: sentryVars, user: sentryVars, stock: sentryVars },
  });
  const email = `reported-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const response = await platform.fetch("/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD, firstName: "Error", lastName: "Reported" }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { user: { id: string }; accessToken: string; refreshToken: string };
  account = { userId: body.user.id, email, accessToken: body.accessToken, refreshToken: body.refreshToken };
});
afterAll(async () => {
  await platform?.stop();
  sentry.close();
});

describe("what Sentry receives for a thrown error", () => {
  // The caller's access is asked of the security service, whose query needs role_permissions.
  it("in security: the failing RPC method, identified, without secrets", async () => {
    const { requestId, text } = await withoutTable("security", "SECURITY_DB", "role_permissions", () => query("{ stock(symbol: \"AAPL\") { symbol } }"));
    expect(text).toContain("SERVICE_UNAVAILABLE");
    const event = await reported("security", requestId);
    expectIdentified(event, "security", requestId);
    expect(event.tags?.["operation"]).toBe("access");
    expectNoSecrets();
  });

  it("in user: the failing RPC method, identified, without secrets", async () => {
    const { requestId } = await withoutTable("user", "USER_DB", "profiles", () => query("{ me { profile { firstName } } }"));
    const event = await reported("user", requestId);
    expectIdentified(event, "user", requestId);
    expect(event.exception?.values?.[0]?.value).toContain("profiles");
    expectNoSecrets();
  });

  it("in stock: the failing RPC method, identified, without secrets", async () => {
    const { requestId } = await withoutTable("stock", "STOCK_DB", "instruments", () => query("{ stock(symbol: \"NVDA\") { symbol name } }"));
    const event = await reported("stock", requestId);
    expectIdentified(event, "stock", requestId);
    expectNoSecrets();
  });

  it("in auth: the failing route with its request, identified, without secrets", async () => {
    const { status, requestId } = await withoutTable("auth", "AUTH_DB", "sessions", () =>
      send("/auth/login", { email: account.email, password: PASSWORD }),
    );
    expect(status).toBe(500);
    const event = await reported("auth", requestId);
    expectIdentified(event, "auth", requestId);
    expect(event.tags?.["operation"]).toBe("POST /auth/login");
    expect(event.request).toMatchObject({ method: "POST", url: expect.stringMatching(/\/auth\/login$/) });
    expect(event.request?.headers).toMatchObject({ "content-type": "application/json" });
    expectNoSecrets();
  });

  it("in the gateway: the masked resolver error with the viewer, identified, without secrets", async () => {
    await (await faultControls(platform, "fault-stock")).arm("quotes", 1, "malformed");
    const { requestId, text } = await query("{ stock(symbol: \"AAPL\") { symbol quote { price } } }");
    expect(text).toContain("INTERNAL_SERVER_ERROR");
    const event = await reported("gateway", requestId);
    expectIdentified(event, "gateway", requestId);
    expect(event.exception?.values?.[0]?.type).toBe("TypeError");
    expect(event.user).toEqual({ id: account.userId });
    expect(event.request).toMatchObject({ method: "POST", url: expect.stringMatching(/\/graphql$/) });
    expectNoSecrets();
  });
});
