/** `npm run seed` on a fresh clone: a one-line hint and exit code 1, and nothing written. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { devEnv, freePort, npmRun } from "./testing/dev-session.ts";

const scratch = mkdtempSync(join(tmpdir(), "fafnir-seed-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function seedInto(stateDir: string) {
  return npmRun("seed", [], devEnv({ stateDir, port: await freePort(), registry: join(scratch, "registry") }));
}

describe("npm run seed before any migration", () => {
  it("says to run npm run dev first, exits 1 and creates no state folder", async () => {
    const stateDir = join(scratch, "never-migrated");
    const run = await seedInto(stateDir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`no local databases yet in ${stateDir}: run \`npm run dev\` (or \`npm run migrate\`) first\n`);
    expect(existsSync(stateDir)).toBe(false);
    expect(existsSync(join(scratch, "registry"))).toBe(false);
  }, 30_000);

  it("leaves an empty state folder empty", async () => {
    const stateDir = join(scratch, "empty");
    mkdirSync(stateDir);
    const run = await seedInto(stateDir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(stateDir)).toEqual([]);
  }, 30_000);
});
