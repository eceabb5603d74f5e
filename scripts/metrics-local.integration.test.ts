/**
 * `npm run metrics -- --local` against a real `npm run dev` session: scripts/dev.ts with
 * its own state folder (FAFNIR_DEV_STATE), dev registry, port and inspector port, then the
 * report printed by the script as a developer would run it. Offline: quotes come from the
 * simulated provider (the dev config's QUOTE_PROVIDERS). Like `npm run dev`, it writes the
 * git-ignored wrangler.dev.toml files and, when missing, workers/auth/.dev.vars.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_ACCOUNTS } from "./seed.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = join(root, "node_modules/.bin");
const scratch = mkdtempSync(join(tmpdir(), "fafnir-dev-session-"));
const env = {
  ...process.env,
  PATH: `${bin}:${process.env.PATH}`,
  FAFNIR_DEV_STATE: join(scratch, "state"),
  WRANGLER_REGISTRY_PATH: join(scratch, "registry"),
  WRANGLER_SEND_METRICS: "false",
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** The session's own process group is gone (wrangler and workerd included). */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

let dev: ChildProcess;
let output = "";
let baseUrl: string;

/** Resolves once the dev session printed `pattern`; rejects if it exits first. */
function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pattern.test(output)) return;
      cleanup();
      resolve();
    };
    const exited = (code: number | null) => {
      cleanup();
      reject(new Error(`npm run dev exited (${code}) before ${pattern}:\n${output.slice(-4000)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`npm run dev did not print ${pattern} within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      dev.stdout!.off("data", check);
      dev.off("exit", exited);
    };
    dev.stdout!.on("data", check);
    dev.on("exit", exited);
    check();
  });
}

beforeAll(async () => {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  baseUrl = `http://localhost:${port}`;
  dev = spawn(join(bin, "node"), ["scripts/dev.ts", "--port", String(port), "--inspector-port", String(inspectorPort)], {
    cwd: root,
    env,
    detached: true, // its own process group, stopped as a whole below
    stdio: ["ignore", "pipe", "pipe"],
  });
  dev.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  dev.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  await waitForOutput(new RegExp(`seed account ${SEED_ACCOUNTS[1].email}`), 240_000);
}, 300_000);

afterAll(async () => {
  if (dev?.pid && groupAlive(dev.pid)) {
    process.kill(-dev.pid, "SIGINT");
    const deadline = Date.now() + 20_000;
    while (groupAlive(dev.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    if (groupAlive(dev.pid)) {
      process.kill(-dev.pid, "SIGKILL");
      throw new Error("the dev session did not stop on SIGINT within 20 s");
    }
  }
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
function metrics(args: string[], stateDir = env.FAFNIR_DEV_STATE): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "metrics", "--", "--local", ...args], {
      cwd: root,
      env: { ...env, FAFNIR_DEV_STATE: stateDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

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
    expect(report).toContain(`(local dev session, ${env.FAFNIR_DEV_STATE})`);

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
