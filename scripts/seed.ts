/**
 * Loads the local seed of ../shared/contract/seed.md into the local databases of one dev
 * session, the one of FAFNIR_DEV_STATE and FAFNIR_DEV_PORT (dev-settings.ts): instruments
 * directly, accounts through that session's own gateway. Idempotent: what exists is left
 * as it is. Never run against a remote database, and never through wrangler's dev
 * registry, which is machine-global: it would reach whichever session registered last.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { seedInstruments } from "../workers/stock/src/seed/instruments.ts";
import { DEV_STATE_DIR, DEV_URL } from "./dev-settings.ts";
import { capture } from "./run.ts";
import { workers, type WorkerInfo } from "./workers.ts";

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

export function instrumentSeedSql(refreshedAt: string): string {
  const rows = seedInstruments.map((i) =>
    [i.symbol, i.name, i.exchange, i.exchangeFullName, i.currency, i.instrumentType, refreshedAt].map(quote).join(", "),
  );
  return (
    "INSERT INTO instruments (symbol, name, exchange, exchange_full_name, currency, instrument_type, refreshed_at) VALUES\n" +
    rows.map((r) => `  (${r})`).join(",\n") +
    "\nON CONFLICT (symbol) DO NOTHING;\n"
  );
}

export class NoLocalDatabases extends Error {}

/** Runs `sql` on a Worker's local database in `stateDir`, quietly. */
function executeLocal(name: WorkerInfo["name"], stateDir: string, sql: string): Promise<string> {
  const worker = workers.find((w) => w.name === name)!;
  return capture("wrangler", ["d1", "execute", worker.database!, "--local", "--persist-to", stateDir, "-c", worker.config, "--command", sql]);
}

export async function seedLocal(stateDir = DEV_STATE_DIR): Promise<void> {
  // wrangler keeps local D1 databases under v3/d1, and would create an empty one here.
  if (!existsSync(join(stateDir, "v3", "d1"))) {
    throw new NoLocalDatabases(`no local databases yet in ${stateDir}: run \`npm run dev\` (or \`npm run migrate\`) first`);
  }
  await executeLocal("stock", stateDir, instrumentSeedSql(new Date().toISOString()));
  console.log(`seed applied: ${seedInstruments.length} instruments (rows already there are left as they are)`);
}

/**
 * The two local accounts of seed.md, registered through the session's own /auth/register
 * (credentials, profile, `member`), then given exactly the roles of seed.md by writing the
 * session's own local security database: there is no public way to make the first admin.
 * Idempotent: a taken email (409) is left as it is, and so are roles already right.
 */
export const SEED_ACCOUNTS = [
  { email: "admin@fafnir.dev", password: "fafnir-dev-admin", firstName: "Ada", lastName: "Admin", roles: ["admin"] },
  { email: "member@fafnir.dev", password: "fafnir-dev-member", firstName: "Max", lastName: "Member", roles: ["member"] },
] as const;

/**
 * Sets each user's roles to exactly those given: every grant first, then every revoke, so
 * there is never an admin-less moment. A role the database does not know is not granted.
 */
export function seedRolesSql(users: readonly { userId: string; roles: readonly string[] }[], grantedAt: string): string {
  const list = (roles: readonly string[]) => roles.map(quote).join(", ");
  const grants = users.map(
    ({ userId, roles }) =>
      `INSERT INTO user_roles (user_id, role, granted_at) SELECT ${quote(userId)}, name, ${quote(grantedAt)} FROM roles WHERE name IN (${list(roles)}) ON CONFLICT DO NOTHING;`,
  );
  const revokes = users.map(({ userId, roles }) => `DELETE FROM user_roles WHERE user_id = ${quote(userId)} AND role NOT IN (${list(roles)});`);
  return [...grants, ...revokes].join("\n");
}

async function post(baseUrl: string, path: string, body: unknown): Promise<Response> {
  return fetch(new URL(path, baseUrl), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Waits until the local gateway answers (wrangler dev is ready). */
export async function waitForPlatform(baseUrl: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(new URL("/auth/.well-known/jwks.json", baseUrl));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the local platform did not answer at ${baseUrl} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Registers (when new) and signs in one seed account. */
async function signIn(baseUrl: string, account: (typeof SEED_ACCOUNTS)[number]) {
  const { email, password, firstName, lastName } = account;
  const registered = await post(baseUrl, "/auth/register", { email, password, firstName, lastName });
  if (registered.status !== 201 && registered.status !== 409) {
    throw new Error(`registering ${email} answered ${registered.status}: ${await registered.text()}`);
  }
  const login = await post(baseUrl, "/auth/login", { email, password });
  if (login.status !== 200) throw new Error(`signing in as ${email} answered ${login.status}: ${await login.text()}`);
  const { user, accessToken } = (await login.json()) as { user: { id: string }; accessToken: string };
  return { account, userId: user.id, accessToken, created: registered.status === 201 };
}

/** The roles the session's gateway answers for the signed-in account, read after the write. */
async function rolesNow(baseUrl: string, accessToken: string): Promise<string[]> {
  const me = await fetch(new URL("/auth/me", baseUrl), { headers: { authorization: `Bearer ${accessToken}` } });
  if (me.status !== 200) throw new Error(`/auth/me answered ${me.status}: ${await me.text()}`);
  return ((await me.json()) as { roles: string[] }).roles;
}

export async function seedAccounts(baseUrl = DEV_URL, stateDir = DEV_STATE_DIR): Promise<void> {
  const users = [];
  for (const account of SEED_ACCOUNTS) users.push(await signIn(baseUrl, account));
  await executeLocal("security", stateDir, seedRolesSql(users.map((u) => ({ userId: u.userId, roles: u.account.roles })), new Date().toISOString()));
  for (const { account, accessToken, created } of users) {
    const roles = await rolesNow(baseUrl, accessToken);
    // Differs when the gateway at baseUrl is not the session whose state is stateDir.
    if (roles.join() !== [...account.roles].sort().join()) {
      throw new Error(`${account.email} has roles [${roles.join(", ")}] at ${baseUrl} after seeding ${stateDir}: is that the session of this FAFNIR_DEV_STATE?`);
    }
    console.log(`seed account ${account.email}: ${created ? "created" : "already there"}, roles ${account.roles.join(", ")}`);
  }
}

/** `npm run seed`: the instruments, and the accounts when the session answers. */
async function main(): Promise<void> {
  await seedLocal();
  const running = await fetch(DEV_URL).then(() => true, () => false);
  if (running) await seedAccounts();
  else console.log(`seed accounts: start \`npm run dev\` (it creates them once the platform answers at ${DEV_URL})`);
}

if (import.meta.main) {
  await main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
