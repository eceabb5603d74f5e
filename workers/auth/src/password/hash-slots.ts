/**
 * How many password hashes one isolate takes on at once.
 *
 * scrypt through node:crypto runs on the isolate's one thread in workerd, the callback API
 * too: its `scrypt` computes inside a Promise executor and only defers the callback (read
 * in workerd's node:crypto source). So every hash admitted blocks everything else the
 * isolate serves for its whole duration (see ../../README.md, Passwords). At most
 * `inFlight` hashes hold a slot and `queued` more wait for one; beyond that a hash is
 * refused at once (HashingBusy), never queued without bound.
 */
export class HashingBusy extends Error {
  constructor() {
    super("too many password hashes in flight");
  }
}

export interface HashSlots {
  /** Runs `work` in a slot; rejects with HashingBusy, without running it, when none is free and the queue is full. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function hashSlots(inFlight: number, queued: number): HashSlots {
  let taken = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(work) {
      if (taken < inFlight) taken++;
      else if (waiting.length < queued) await new Promise<void>((resolve) => waiting.push(resolve));
      else throw new HashingBusy();
      try {
        // Yields before hashing, so that requests arriving meanwhile find this slot taken
        // (the hash itself gives no other request a turn).
        await scheduler.wait(0);
        return await work();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else taken--;
      }
    },
  };
}
