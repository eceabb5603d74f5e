/** A minimal RESP2 client over one TCP connection: commands are pipelined, replies come back in order. */
import { connect, type Socket } from "node:net";

export type RespValue = string | number | null | RespValue[] | RespError;

export class RespError extends Error {
  override name = "RespError";
}

export class RespConnection {
  #socket: Socket;
  #buffer = Buffer.alloc(0);
  #waiting: { resolve: (value: RespValue) => void; reject: (error: Error) => void }[] = [];

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on("data", (chunk) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#drain();
    });
    socket.on("error", (error) => this.#waiting.splice(0).forEach((w) => w.reject(error)));
  }

  static open(port: number): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => resolve(new RespConnection(socket)));
      socket.once("error", reject);
    });
  }

  /** Sends one command; an error reply resolves to a RespError value (the REST layer reports it). */
  send(args: unknown[]): Promise<RespValue> {
    const parts = args.map((a) => Buffer.from(typeof a === "string" ? a : JSON.stringify(a)));
    const header = `*${parts.length}\r\n`;
    const body = parts.flatMap((p) => [Buffer.from(`$${p.length}\r\n`), p, Buffer.from("\r\n")]);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#socket.write(Buffer.concat([Buffer.from(header), ...body]));
    });
  }

  close(): void {
    this.#socket.end();
  }

  #drain(): void {
    for (;;) {
      const parsed = parse(this.#buffer, 0);
      if (!parsed) return;
      this.#buffer = this.#buffer.subarray(parsed.end);
      this.#waiting.shift()?.resolve(parsed.value);
    }
  }
}

function parse(buffer: Buffer, start: number): { value: RespValue; end: number } | undefined {
  const lineEnd = buffer.indexOf("\r\n", start);
  if (lineEnd < 0) return undefined;
  const line = buffer.toString("utf8", start + 1, lineEnd);
  const next = lineEnd + 2;
  switch (String.fromCharCode(buffer[start]!)) {
    case "+":
      return { value: line, end: next };
    case "-":
      return { value: new RespError(line), end: next };
    case ":":
      return { value: Number(line), end: next };
    case "$": {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (buffer.length < next + length + 2) return undefined;
      return { value: buffer.toString("utf8", next, next + length), end: next + length + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RespValue[] = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, at);
        if (!item) return undefined;
        items.push(item.value);
        at = item.end;
      }
      return { value: items, end: at };
    }
    default:
      throw new Error(`unexpected RESP type ${buffer[start]}`);
  }
}
