import { describe, expect, it } from "vitest";
import { isEventStream, withHeartbeat } from "./heartbeat";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function eventStream(source: UnderlyingDefaultSource<Uint8Array>) {
  return new Response(new ReadableStream(source), { status: 200, headers: { "content-type": "text/event-stream" } });
}

async function readText(stream: ReadableStream<Uint8Array>, until: (text: string) => boolean) {
  const reader = stream.getReader();
  let text = "";
  while (!until(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return { text, reader };
}

describe("withHeartbeat", () => {
  it("passes the stream through, status and headers included, and ends with it", async () => {
    const wrapped = withHeartbeat(
      eventStream({
        start(controller) {
          controller.enqueue(encoder.encode("event: next\ndata: {}\n\n"));
          controller.enqueue(encoder.encode("event: complete\ndata:\n\n"));
          controller.close();
        },
      }),
    );
    expect(wrapped.status).toBe(200);
    expect(isEventStream(wrapped)).toBe(true);
    expect(await wrapped.text()).toBe("event: next\ndata: {}\n\nevent: complete\ndata:\n\n");
  });

  it("writes a comment on every interval while the source is idle", async () => {
    const wrapped = withHeartbeat(eventStream({ pull: () => new Promise(() => {}) }), 20);
    const { text, reader } = await readText(wrapped.body!, (read) => read.split(":\n\n").length > 3);
    expect(text).toBe(":\n\n:\n\n:\n\n");
    await reader.cancel();
  });

  it("cancels the source when its reader leaves", async () => {
    let canceled: unknown;
    const wrapped = withHeartbeat(eventStream({ pull: () => new Promise(() => {}), cancel: (reason) => void (canceled = reason ?? "canceled") }), 20);
    await wrapped.body!.cancel("client left");
    expect(canceled).toBe("client left");
  });

  it("leaves a response without an event stream alone", () => {
    const json = Response.json({ data: {} });
    expect(isEventStream(json)).toBe(false);
  });
});
