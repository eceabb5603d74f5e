/**
 * A real redis-server behind the Upstash REST protocol, for tests of the Upstash cache
 * backend: POST / runs one command (a JSON array), POST /pipeline a list of them; replies
 * are {"result"} or {"error"}, strings base64-encoded when the client sends
 * `Upstash-Encoding: base64` (as @upstash/redis does by default).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { RespConnection, RespError, type RespValue } from "./resp.ts";

export interface UpstashRest {
  url: string;
  token: string;
  stop(): Promise<void>;
}

export const redisServerInstalled = (): boolean => spawnSync("redis-server", ["--version"]).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createTcpServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

async function startRedis(): Promise<{ process: ChildProcess; connection: RespConnection }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      return { process: child, connection: await RespConnection.open(port) };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill();
  throw new Error(`redis-server did not accept connections on port ${port}`);
}

const base64 = (value: RespValue): RespValue =>
  typeof value === "string" ? Buffer.from(value).toString("base64") : Array.isArray(value) ? value.map(base64) : value;

function reply(value: RespValue, encode: boolean): { result: RespValue } | { error: string } {
  if (value instanceof RespError) return { error: value.message };
  return { result: encode ? base64(value) : value };
}

export async function startUpstashRest(): Promise<UpstashRest> {
  const redis = await startRedis();
  const token = crypto.randomUUID();
  const server: Server = createHttpServer(async (request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (request.method !== "POST" || request.headers.authorization !== `Bearer ${token}`) return send(401, { error: "Unauthorized" });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown[];
    const encode = request.headers["upstash-encoding"] === "base64";
    if (request.url === "/pipeline") {
      const values = await Promise.all((body as unknown[][]).map((command) => redis.connection.send(command)));
      return send(200, values.map((value) => reply(value, encode)));
    }
    if (request.url === "/" || request.url === "") {
      const answer = reply(await redis.connection.send(body), encode);
      return send("error" in answer ? 400 : 200, answer);
    }
    send(404, { error: `unsupported path ${request.url}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      redis.connection.close();
      redis.process.kill();
    },
  };
}
