import { describe, expect, it } from "vitest";
import { HashingBusy, hashSlots } from "./hash-slots";

/** A unit of work that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const started = { value: false };
  return { open, started, work: async () => ((started.value = true), await opened, "done") };
}

const settled = async (promise: Promise<unknown>) => {
  let state = "pending";
  promise.then(() => (state = "fulfilled"), () => (state = "rejected"));
  await scheduler.wait(5);
  return state;
};

describe("hashSlots", () => {
  it("runs 2 at once, queues 6, and refuses the rest at once, without running them", async () => {
    const slots = hashSlots(2, 6);
    const gates = Array.from({ length: 10 }, gate);
    const runs = gates.map((g) => slots.run(g.work));
    runs.forEach((run) => run.catch(() => undefined));
    expect(await settled(runs[8]!)).toBe("rejected");
    await expect(runs[8]).rejects.toBeInstanceOf(HashingBusy);
    await expect(runs[9]).rejects.toBeInstanceOf(HashingBusy);
    expect(gates.map((g) => g.started.value)).toEqual([true, true, false, false, false, false, false, false, false, false]);
    expect(await settled(runs[0]!)).toBe("pending");
  });

  it("hands a freed slot to the first in the queue, and frees every slot in the end", async () => {
    const slots = hashSlots(1, 1);
    const [a, b] = [gate(), gate()];
    const first = slots.run(a.work);
    const second = slots.run(b.work);
    await scheduler.wait(5);
    expect([a.started.value, b.started.value]).toEqual([true, false]);
    await expect(slots.run(async () => "third")).rejects.toBeInstanceOf(HashingBusy);
    a.open();
    await expect(first).resolves.toBe("done");
    await scheduler.wait(5);
    expect(b.started.value).toBe(true);
    b.open();
    await expect(second).resolves.toBe("done");
    await expect(slots.run(async () => "again")).resolves.toBe("again");
    await expect(Promise.all([slots.run(async () => 1), slots.run(async () => 2)])).resolves.toEqual([1, 2]);
  });

  it("frees the slot of work that fails", async () => {
    const slots = hashSlots(1, 0);
    await expect(slots.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(slots.run(async () => "next")).resolves.toBe("next");
  });
});
