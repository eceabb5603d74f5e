/** What `npm run dev` prints once the platform answers and the seed accounts are there. */
import type { SEED_ACCOUNTS } from "./seed.ts";

type Account = Pick<(typeof SEED_ACCOUNTS)[number], "email" | "password" | "roles">;

export function readyBanner(url: string, accounts: readonly Account[]): string {
  const emailWidth = Math.max(...accounts.map((a) => a.email.length));
  const passwordWidth = Math.max(...accounts.map((a) => a.password.length));
  const rows = accounts.map((a, i) => `  ${i === 0 ? "accounts" : ""}`.padEnd(14) + `${a.email.padEnd(emailWidth)}  ${a.password.padEnd(passwordWidth)}  ${a.roles.join(", ")}`);
  return ["", "Fafnir is ready:", `  web app     ${url}/`, `  GraphiQL    ${url}/graphql`, `  auth API    ${url}/auth/`, ...rows, ""].join("\n");
}
