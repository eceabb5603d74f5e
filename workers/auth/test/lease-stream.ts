import { readLiveStream } from "../../../shared/live-stream";

/** "ended" once a lease's stream completes, "open" while it carries nothing more for a moment. */
export async function leaseStreamState(ended: ReadableStream<Uint8Array>): Promise<"ended" | "open"> {
  const next = readLiveStream(ended).next();
  const quiet = new Promise<"open">((resolve) => setTimeout(() => resolve("open"), 100));
  return Promise.race([next.then((result) => (result.done ? "ended" : "open")), quiet]);
}
