/**
 * A `:` comment on every open event stream every HEARTBEAT_SECONDS.
 *
 * Why so often (the contract asks for one per 15 s): a Worker learns that an SSE client
 * left only when a write to its connection fails, which is the second write after the
 * socket closed. yoga pings every 12 s, so a departed client would hold its stream lease
 * for up to ~24 s and a user moving between pages would meet the 5-stream cap. With a
 * comment every 2 s the stream is canceled (its lease given back) within ~4 s.
 */
export const HEARTBEAT_SECONDS = 2;

const heartbeat = new TextEncoder().encode(":\n\n");

export function isEventStream(response: Response): boolean {
  return response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
}

/** `response` with heartbeats interleaved between its chunks; canceling it cancels the original body. */
export function withHeartbeat(response: Response, intervalMs = HEARTBEAT_SECONDS * 1000): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => clearInterval(timer);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setInterval(() => {
        try {
          controller.enqueue(heartbeat);
        } catch {
          stop();
        }
      }, intervalMs);
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          stop();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        stop();
        controller.error(error);
      }
    },
    cancel(reason) {
      stop();
      return reader.cancel(reason);
    },
  });
  return new Response(body, response);
}
