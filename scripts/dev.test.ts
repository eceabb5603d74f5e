/** What `npm run dev` refuses before it starts anything: a setting seed and metrics would not see. */
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { devEnv, freePort, npmRun } from "./testing/dev-session.ts";

const scratch = mkdtempSync(join(tmpdir(), "fafnir-dev-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const settings = async () => devEnv({ stateDir: join(scratch, "state"), port: await freePort(), registry: join(scratch, "registry") });

describe("npm run dev", () => {
  it.each([
    [["--port", "8788"], "--port is not an npm run dev argument: set it for dev, seed and metrics alike, e.g. FAFNIR_DEV_PORT=8788 npm run dev"],
    [["--persist-to=/tmp/x"], "--persist-to is not an npm run dev argument: set it for dev, seed and metrics alike, e.g. FAFNIR_DEV_STATE=/tmp/fafnir-state npm run dev"],
  ])("refuses %j, naming the setting to use", async (args, message) => {
    const run = await npmRun("dev", args, await settings());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${message}\n`);
  }, 30_000);

  it("refuses a FAFNIR_DEV_PORT that already answers, so its seed cannot reach another session", async () => {
    const server = createServer((_, response) => response.end("another session")).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const env = { ...(await settings()), FAFNIR_DEV_PORT: String((server.address() as { port: number }).port) };
      const run = await npmRun("dev", [], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`http://localhost:${env.FAFNIR_DEV_PORT} already answers (another npm run dev?): choose another port with FAFNIR_DEV_PORT\n`);
    } finally {
      server.close();
    }
  }, 30_000);
});
