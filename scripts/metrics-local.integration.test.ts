/**
 * `npm run metrics -- --local` against a real `npm run dev` session (scripts/testing/dev-session.ts:
 * its own state folder, dev registry, port and inspector port), then the report printed by
 * the script as a developer would run it. Offline: quotes come from the simulated provider
 * (the dev config's QUOTE_PROVIDERS).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_ACCOUNTS } from "./seed.ts";
import { npmRun, startDevSession, type DevSession } from "./testing/dev-session.ts";

const scratch = mkdtempSync(join(tmpdir(), "fafnir-dev-session-"));
let session: DevSession;
let baseUrl: string;

beforeAll(async () => {
  session = await startDevSession({ stateDir: join(scratch, "state"), registry: join(scratch, "registry") });
  baseUrl = session.baseUrl;
  await session.waitForOutput(new RegExp(`seed account ${SEED_ACCOUNTS[1].email}`), 240_000);
}, 300_000);

afterAll(async () => {
  await session?.stop();
  rmSync(scratch, { recursive: true, force: true });
}, 30_000);

async function login(password: string): Promise<Response> {
  return fetch(`${baseUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: SEED_ACCOUNTS[1].email, password }),
  });
}

async function graphql(query: string, token?: string): Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}/graphql`, { method: "POST", headers, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

/** `npm run metrics -- --local ...` as a developer runs it: exit code and output. */
const metrics = (args: string[], stateDir = session.stateDir) => npmRun("metrics", ["--local", ...args], { ...session.env, FAFNIR_DEV_STATE: stateDir });

/** One table of the report (its header line, then its rows), as arrays of cells. */
function table(report: string, title: string): string[][] {
  const section = report.split(/\n(?=\S)/).find((block) => block.startsWith(`${title}\n`));
  if (!section) throw new Error(`no table "${title}" in:\n${report}`);
  return section
    .split("\n")
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => line.trim().split(/\s{2,}/));
}

describe("npm run metrics -- --local against an npm run dev session", () => {
  it("prints the requests, errors, logins and cache outcomes the session served", async () => {
    // Points of the start-up (seed accounts) are left out of the range.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const from = new Date();

    const signedIn = await login(SEED_ACCOUNTS[1].password);
    expect(signedIn.status).toBe(200);
    const { accessToken } = (await signedIn.json()) as { accessToken: string };
    const refused = await login("not the member's password");
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("INVALID_CREDENTIALS");

    const quote = 'query Quote { stock(symbol: "AAPL") { quote { price source } } }';
    for (let i = 0; i < 2; i++) {
      const answer = await graphql(quote, accessToken);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toMatchObject({ stock: { quote: { source: "simulated" } } });
    }
    const anonymous = await graphql('query Anonymous { stock(symbol: "AAPL") { symbol } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    // Points are written after each response (waitUntil): ask until the last one is there.
    const deadline = Date.now() + 30_000;
    let report = "";
    for (;;) {
      const run = await metrics(["--from", from.toISOString()]);
      expect(run.code, run.stderr).toBe(0);
      report = run.stdout;
      if (/query Anonymous/.test(report) && /INVALID_CREDENTIALS/.test(report) && /\bhit\b/.test(report)) break;
      if (Date.now() > deadline) throw new Error(`the report never showed every request:\n${report}`);
    }
    expect(report).toContain(`(local dev session, ${session.stateDir})`);

    const operations = table(report, "Requests per service and operation");
    expect(operations[0]).toEqual(["service", "kind", "operation", "requests", "errors", "p50_ms", "p95_ms", "p99_ms"]);
    const operation = (service: string, name: string) => operations.find((row) => row[0] === service && row[1] === "http" && row[2] === name)?.slice(3, 5);
    expect(operation("gateway", "query Quote")).toEqual(["2", "0"]);
    expect(operation("gateway", "query Anonymous")).toEqual(["1", "1"]);
    expect(operation("gateway", "POST /auth/login")).toEqual(["2", "1"]);
    expect(operation("auth", "POST /auth/login")).toEqual(["2", "1"]);
    for (const row of operations.slice(1)) {
      const [p50, p95, p99] = row.slice(5).map(Number);
      expect(p50! <= p95! && p95! <= p99!, row.join(" ")).toBe(true);
    }

    expect(table(report, "Errors by code")).toEqual(
      expect.arrayContaining([
        ["auth", "INVALID_CREDENTIALS", "1"],
        ["gateway", "UNAUTHENTICATED", "1"],
        ["gateway", "INVALID_CREDENTIALS", "1"],
      ]),
    );
    expect(table(report, "Logins").slice(1).sort()).toEqual([["INVALID_CREDENTIALS", "1"], ["ok", "1"]]);
    // The first AAPL quote of the session is a miss, the second within the freshness window a hit.
    expect(table(report, "Quote cache").slice(1).sort()).toEqual([["hit", "1"], ["miss", "1"]]);
    expect(table(report, "Rate-limited requests")).toEqual([["(no data)"]]);
  });

  it("says to run npm run dev first when there is no dev state", async () => {
    const run = await metrics([], join(scratch, "nothing-here"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/run `npm run dev` first/);
  });
});
