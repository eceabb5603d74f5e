/**
 * Local secrets: writes a Worker's .dev.vars with freshly generated values for the
 * secrets it lacks. Never overwrites a value a developer set; .dev.vars is git-ignored.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { generateSigningJwk } from "./signing-key.ts";

function parseDevVars(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (match) vars.set(match[1]!, match[2]!);
  }
  return vars;
}

async function ensureDevVars(path: string, generators: Record<string, () => Promise<string>>): Promise<void> {
  const current = existsSync(path) ? readFileSync(path, "utf8") : "";
  const present = parseDevVars(current);
  const added: string[] = [];
  for (const [name, generate] of Object.entries(generators)) {
    if (present.has(name)) continue;
    added.push(`${name}='${await generate()}'`);
  }
  if (added.length === 0) return;
  const prefix = current && !current.endsWith("\n") ? `${current}\n` : current;
  writeFileSync(path, `${prefix}${added.join("\n")}\n`, { mode: 0o600 });
  console.log(`generated local secrets in ${path}: ${added.map((a) => a.split("=")[0]).join(", ")}`);
}

export async function ensureLocalSecrets(): Promise<void> {
  await ensureDevVars("workers/auth/.dev.vars", {
    JWT_PRIVATE_KEY: async () => JSON.stringify(await generateSigningJwk()),
  });
}
