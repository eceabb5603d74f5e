/**
 * Loads the local seed of ../shared/contract/seed.md into the local databases: instruments
 * directly, accounts through the running platform's API. Idempotent: what exists is left
 * as it is. Never run against a remote database.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { seedInstruments } from "../workers/stock/src/seed/instruments.ts";
import { run } from "./run.ts";
import { DEV_STATE_DIR } from "./workers.ts";

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

export async function seedLocal(persistTo = DEV_STATE_DIR): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), "fafnir-seed-")), "instruments.sql");
  writeFileSync(file, instrumentSeedSql(new Date().toISOString()));
  await run("wrangler", ["d1", "execute", "STOCK_DB", "--local", "--persist-to", persistTo, "-c", "workers/stock/wrangler.toml", "--file", file]);
  console.log(`seed applied: ${seedInstruments.length} instruments (rows already there are left as they are)`);
}

/**
 * The two local accounts of seed.md, created through the real code paths of a running
 * local platform: /auth/register (credentials, profile, `member`) and the security
 * service's own role RPCs for `admin`, reached over wrangler's dev registry (there is no
 * public way to make the first admin). Each account ends with exactly the roles of
 * seed.md. Idempotent: a taken email (409) is left as it is, and the role RPCs are.
 */
export const SEED_ACCOUNTS = [
  { email: "admin@fafnir.dev", password: "fafnir-dev-admin", firstName: "Ada", lastName: "Admin", roles: ["admin"] },
  { email: "member@fafnir.dev", password: "fafnir-dev-member", firstName: "Max", lastName: "Member", roles: ["member"] },
] as const;

type Meta = { requestId: string };
type Result<T = unknown> = { ok: true; value: T } | { ok: false; error: { message: string } };

interface SecurityRpc {
  access(meta: Meta, userIds: string[]): Promise<Result<Record<string, { roles: string[] }>>>;
  grantRole(meta: Meta, userId: string, role: string): Promise<Result>;
  admins(meta: Meta): Promise<string[]>;
  revokeRole(meta: Meta, userId: string, role: string, adminsWithAccount: string[]): Promise<Result>;
}

/**
 * Grants the missing roles first, then revokes the extra ones (never leaving an admin-less
 * moment). `accounts`: user ids known to have an account (the seed signed in as them), the
 * only admins the last-admin guard may count.
 */
async function setRoles(security: SecurityRpc, userId: string, roles: readonly string[], accounts: ReadonlySet<string>): Promise<void> {
  const meta = { requestId: `dev-seed-${crypto.randomUUID()}` };
  const access = await security.access(meta, [userId]);
  if (!access.ok) throw new Error(access.error.message);
  const current = access.value[userId]?.roles ?? [];
  for (const role of roles.filter((r) => !current.includes(r))) {
    const granted = await security.grantRole(meta, userId, role);
    if (!granted.ok) throw new Error(`granting ${role}: ${granted.error.message}`);
  }
  const adminsWithAccount = (await security.admins(meta)).filter((id) => accounts.has(id));
  for (const role of current.filter((r) => !roles.includes(r))) {
    const revoked = await security.revokeRole(meta, userId, role, adminsWithAccount);
    if (!revoked.ok) throw new Error(`revoking ${role}: ${revoked.error.message}`);
  }
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

export async function seedAccounts(baseUrl: string): Promise<void> {
  const proxy = await getPlatformProxy<{ SECURITY: SecurityRpc }>({ configPath: "workers/auth/wrangler.toml", persist: false, remoteBindings: false });
  try {
    const signedIn = new Set<string>();
    for (const account of SEED_ACCOUNTS) {
      const { email, password, firstName, lastName } = account;
      const registered = await post(baseUrl, "/auth/register", { email, password, firstName, lastName });
      if (registered.status !== 201 && registered.status !== 409) {
        throw new Error(`registering ${email} answered ${registered.status}: ${await registered.text()}`);
      }
      const login = await post(baseUrl, "/auth/login", { email, password });
      if (login.status !== 200) throw new Error(`signing in as ${email} answered ${login.status}: ${await login.text()}`);
      const { user } = (await login.json()) as { user: { id: string } };
      signedIn.add(user.id);
      await setRoles(proxy.env.SECURITY, user.id, account.roles, signedIn);
      console.log(`seed account ${email}: ${registered.status === 201 ? "created" : "already there"}, roles ${account.roles.join(", ")}`);
    }
  } finally {
    await proxy.dispose();
  }
}

/** The local gateway that `npm run dev` serves. */
export const DEV_URL = "http://localhost:8787";

if (import.meta.main) {
  await seedLocal();
  const running = await fetch(DEV_URL).then(() => true, () => false);
  if (running) await seedAccounts(DEV_URL);
  else console.log("seed accounts: start `npm run dev` (it creates them once the platform answers)");
}
