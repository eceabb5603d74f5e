import { describe, expect, it } from "vitest";
import { readAtMost, requestBodyAtMost, utf8Text } from "./body";

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoded = chunks.map((c) => new TextEncoder().encode(c));
  return new ReadableStream({
    pull(controller) {
      const next = encoded.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

describe("size-limited bodies", () => {
  it("reads a body up to the limit, and refuses the byte after it", async () => {
    expect((await readAtMost(streamOf("ab", "cd"), 4))?.byteLength).toBe(4);
    expect(await readAtMost(streamOf("ab", "cde"), 4)).toBeUndefined();
  });

  it("drops a refused body's rest up to 16 times the limit, then cuts an endless one off", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4));
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await readAtMost(endless, 4)).toBeUndefined();
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(2 + 16 + 1);
  });

  it("reads a refused body that ends within the budget to its end, so the client can read the answer", async () => {
    let cancelled = false;
    const chunks = Array.from({ length: 10 }, () => new Uint8Array(4));
    const finite = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await readAtMost(finite, 4)).toBeUndefined();
    expect(chunks).toHaveLength(0);
    expect(cancelled).toBe(false);
  });

  it("refuses a request by its Content-Length before reading, and reads one without a body as empty", async () => {
    const declared = new Request("http://worker.test/", { method: "POST", headers: { "content-length": "5" }, body: streamOf("abcde") });
    expect(await requestBodyAtMost(declared, 4)).toBeUndefined();
    expect(declared.bodyUsed).toBe(false);
    expect((await requestBodyAtMost(new Request("http://worker.test/"), 4))?.byteLength).toBe(0);
  });
});

describe("utf8Text", () => {
  it("decodes UTF-8, emoji and accents included", () => {
    expect(utf8Text(new TextEncoder().encode("Zoë 👨‍👩‍👧‍👦"))).toBe("Zoë 👨‍👩‍👧‍👦");
  });

  it.each([
    ["an encoded lone surrogate (ED A0 80)", [0xed, 0xa0, 0x80]],
    ["a stray continuation byte", [0x80]],
    ["a truncated sequence", [0xf0, 0x9f, 0x98]],
    ["a Latin-1 byte", [0xe9]],
  ])("refuses what is not UTF-8, here %s", (_, bytes) => {
    expect(utf8Text(new Uint8Array(bytes))).toBeUndefined();
  });
});
