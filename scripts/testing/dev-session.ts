/**
 * A real `npm run dev` session for tests: scripts/dev.ts with its own state folder, port
 * and inspector port, in its own process group (wrangler and workerd included), stopped as
 * a whole. Like `npm run dev`, it writes the git-ignored wrangler.dev.jsonc files and, when
 * missing, workers/auth/.dev.vars.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "node_modules/.bin");

/** The environment of a dev session or script with its own state, port and dev registry. */
export function devEnv(settings: { stateDir: string; port: number; registry: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    FAFNIR_DEV_STATE: settings.stateDir,
    FAFNIR_DEV_PORT: String(settings.port),
    WRANGLER_REGISTRY_PATH: settings.registry,
    WRANGLER_SEND_METRICS: "false",
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** The process group is gone (wrangler and workerd included). */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface DevSession {
  baseUrl: string;
  port: number;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  /** Everything the session printed so far, stdout and stderr. */
  output(): string;
  /** Resolves once the session printed `pattern`; rejects if it exits first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** SIGINT to the whole group; throws if it is not gone within 20 s (then SIGKILLs it). */
  stop(): Promise<void>;
}

/** Starts `npm run dev` (as `node scripts/dev.ts`) with the state folder and dev registry given. */
export async function startDevSession(settings: { stateDir: string; registry: string }): Promise<DevSession> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const env = devEnv({ ...settings, port });
  const dev: ChildProcess = spawn(join(bin, "node"), ["scripts/dev.ts", "--inspector-port", String(inspectorPort)], {
    cwd: root,
    env,
    detached: true, // its own process group, stopped as a whole
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  dev.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  dev.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));

  const waitForOutput = (pattern: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
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
        dev.stderr!.off("data", check);
        dev.off("exit", exited);
      };
      dev.stdout!.on("data", check);
      dev.stderr!.on("data", check);
      dev.on("exit", exited);
      check();
    });

  const stop = async () => {
    if (!dev.pid || !groupAlive(dev.pid)) return;
    process.kill(-dev.pid, "SIGINT");
    const deadline = Date.now() + 20_000;
    while (groupAlive(dev.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    if (groupAlive(dev.pid)) {
      process.kill(-dev.pid, "SIGKILL");
      throw new Error("the dev session did not stop on SIGINT within 20 s");
    }
  };

  return { baseUrl: `http://localhost:${port}`, port, stateDir: settings.stateDir, env, output: () => output, waitForOutput, stop };
}

/** `npm run --silent <script> -- <args>` as a developer runs it: exit code and output. */
export function npmRun(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}
