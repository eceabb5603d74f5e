/**
 * An oversized body streamed by a client that reads the answer only once it has sent it
 * all: it gets the 413, from auth (behind the gateway's /auth/* forward) and from the
 * gateway's GraphQL alike. A server that stops reading and closes instead leaves the client
 * with a broken connection (EPIPE / ECONNRESET), never the answer.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";

let platform: Platform;
let origin: URL;
beforeAll(async () => {
  platform = await startPlatform();
  origin = (await platform.harness.listen()).url;
});
afterAll(() => platform?.stop());

const CHUNK_BYTES = 16 * 1024;
/** Enough to be over both limits (auth 16 KiB, GraphQL 100 KiB), and within what they drain. */
const CHUNKS = 8;
/** Between chunks, so the server answers while the client is still sending. */
const PAUSE_MS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs a chunked JSON body of CHUNKS chunks, then reads the answer: its head line, or the socket error. */
function uploadThenRead(path: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(origin.port), origin.hostname);
    socket.pause();
    let answer = "";
    socket.on("data", (data) => (answer += data.toString("latin1")));
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(`socket error ${error.code}`));
    socket.on("end", () => resolve(answer.split("\r\n")[0] ?? ""));
    const write = (text: string) => new Promise((written) => socket.write(text, written));
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    void (async () => {
      await write(`POST ${path} HTTP/1.1\r\nhost: ${origin.host}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n`);
      await write(chunk(`{"email":"${" ".repeat(CHUNK_BYTES - 10)}`));
      for (let i = 1; i < CHUNKS && !socket.destroyed; i++) {
        await sleep(PAUSE_MS);
        await write(chunk(" ".repeat(CHUNK_BYTES)));
      }
      if (socket.destroyed) return;
      await write("0\r\n\r\n");
      socket.resume();
    })();
  });
}

describe("an oversized body from a client still sending it", () => {
  it.each(["/auth/register", "/graphql"])("gets the 413 at %s, not a broken connection", async (path) => {
    expect(await uploadThenRead(path)).toBe("HTTP/1.1 413 Payload Too Large");
  });
});
