import { liveStream, type LiveStreamWriter } from "../../../../shared/live-stream";
import type { OrderState } from "../contract";

/** The account's order watchers; in memory, since a stream lives no longer than the object. */
export class OrderWatchers {
  readonly #writers = new Set<LiveStreamWriter<OrderState>>();

  open(): ReadableStream<Uint8Array> {
    const writer = liveStream<OrderState>();
    this.#writers.add(writer);
    return writer.readable;
  }

  /** Called after the change committed; a writer whose reader went away is dropped. */
  publish(orders: OrderState[]): void {
    for (const order of orders) for (const writer of this.#writers) if (!writer.write(order)) this.#writers.delete(writer);
  }
}
