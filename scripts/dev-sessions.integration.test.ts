/**
 * Two `npm run dev` sessions side by side on one machine, each with its own state folder
 * and ports but one shared dev registry (as two checkouts of a developer share
 * wrangler's machine-global one): each must end with exactly the seed accounts of seed.md
 * in its own databases, reached through its own gateway, and nothing in the other's.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_ACCOUNTS } from "./seed.ts";
import { npmRun, root, startDevSession, type DevSession } from "./testing/dev-session.ts";

const scratch = mkdtempSync(join(tmpdir(), "fafnir-dev-sessions-"));
const registry = join(scratch, "registry");
let sessions: DevSession[] = [];

beforeAll(async () => {
  sessions = await Promise.all(["a", "b"].map((name) => startDevSession({ stateDir: join(scratch, name), registry })));
  await Promise.all(sessions.map((session) => session.waitForOutput(new RegExp(`seed account ${SEED_ACCOUNTS[1].email}`), 300_000)));
}, 330_000);

afterAll(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
  rmSync(scratch, { recursive: true, force: true });
}, 30_000);

interface Grant {
  user_id: string;
  role: string;
  granted_at: string;
}

/** Every row of the session's own local security database's grants table. */
function grantsIn(session: DevSession): Promise<Grant[]> {
  const sql = "SELECT user_id, role, granted_at FROM user_roles ORDER BY user_id, role";
  const args = ["d1", "execute", "SECURITY_DB", "--local", "--persist-to", session.stateDir, "-c", "workers/security/wrangler.toml", "--json", "--command", sql];
  return new Promise((resolve, reject) => {
    const child = spawn("wrangler", args, { cwd: root, env: session.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrangler d1 execute exited with ${code}:\n${stdout}\n${stderr}`));
      resolve((JSON.parse(stdout) as { results: Grant[] }[])[0]!.results);
    });
  });
}

/** The seed account's id and roles, as the session's own /auth/login answers them. */
async function signIn(session: DevSession, account: (typeof SEED_ACCOUNTS)[number]): Promise<{ id: string; roles: string[] }> {
  const response = await fetch(`${session.baseUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  expect(response.status, `${account.email} at ${session.baseUrl}`).toBe(200);
  return ((await response.json()) as { user: { id: string; roles: string[] } }).user;
}

/** Each session's seed accounts hold exactly their roles, and its grants are theirs alone. */
async function expectExactSeed(session: DevSession): Promise<Grant[]> {
  const users = await Promise.all(SEED_ACCOUNTS.map((account) => signIn(session, account)));
  for (const [i, account] of SEED_ACCOUNTS.entries()) expect(users[i]!.roles, `${account.email} at ${session.baseUrl}`).toEqual(account.roles);
  const grants = await grantsIn(session);
  const expected = SEED_ACCOUNTS.flatMap((account, i) => account.roles.map((role) => ({ user_id: users[i]!.id, role })));
  expect(grants.map(({ user_id, role }) => ({ user_id, role })), `grants in ${session.stateDir}`).toEqual(
    expected.sort((x, y) => x.user_id.localeCompare(y.user_id) || x.role.localeCompare(y.role)),
  );
  return grants;
}

describe("two npm run dev sessions side by side", () => {
  it("each ends with exactly the seed accounts of seed.md, and no grant in the other's database", async () => {
    await Promise.all(sessions.map(expectExactSeed));
  });

  it("npm run seed reaches the session of FAFNIR_DEV_STATE and FAFNIR_DEV_PORT, and changes nothing there", async () => {
    const [a, b] = sessions as [DevSession, DevSession];
    const before = await Promise.all([grantsIn(a), grantsIn(b)]);
    const run = await npmRun("seed", [], a.env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const account of SEED_ACCOUNTS) expect(run.stdout).toContain(`seed account ${account.email}: already there`);
    expect(await expectExactSeed(a)).toEqual(before[0]);
    expect(await grantsIn(b)).toEqual(before[1]);
  });

  it("prints, once ready, its own URLs and the seed accounts", async () => {
    for (const session of sessions) {
      await session.waitForOutput(/Fafnir is ready:/, 10_000);
      const output = session.output();
      expect(output).toContain(`GraphiQL    ${session.baseUrl}/graphql`);
      expect(output).toContain(`auth API    ${session.baseUrl}/auth/`);
      for (const account of SEED_ACCOUNTS) expect(output).toMatch(new RegExp(`${account.email} +${account.password} +${account.roles.join(", ")}`));
    }
  });

  it("npm run migrate with nothing to apply prints one line, no table", async () => {
    const run = await npmRun("migrate", [], sessions[0]!.env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual(["migrations: every local database is up to date"]);
  });
});
