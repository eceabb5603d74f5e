import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readLiveStream } from "../../../../shared/live-stream";
import { leaseStreamState as state } from "../../test/lease-stream";
import { MAX_STREAMS_PER_USER } from "../contract";
import { createRevocationTable, Leases, REVOCATION_MEMORY_MS, type OpenOutcome } from "./leases";

const T0 = Date.UTC(2026, 10, 24, 12);

/** Runs `work` on a fresh user's leases, over the storage of a fresh StreamLeases object, with the time in the tests' hands. */
function withLeases<T>(work: (leases: Leases) => Promise<T> | T): Promise<T> {
  return runInDurableObject(env.STREAM_LEASES.getByName(crypto.randomUUID()), (_instance, state) => {
    createRevocationTable(state.storage.sql);
    return work(new Leases(state.storage.sql));
  });
}

function opened(outcome: OpenOutcome): { leaseId: string; ended: ReadableStream<Uint8Array> } {
  if (outcome.kind !== "opened") throw new Error(`expected a lease, got ${outcome.kind}`);
  return outcome;
}

const sessions = () => ({ a: crypto.randomUUID(), b: crypto.randomUUID() });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("stream leases", () => {
  it("gives a user five leases, across sessions, and refuses the sixth", async () => {
    const { a, b } = sessions();
    const outcomes = await withLeases((leases) => [a, a, a, b, b, b].map((session) => leases.open(session, T0).kind));
    expect(outcomes).toEqual([...Array<string>(MAX_STREAMS_PER_USER).fill("opened"), "full"]);
  });

  it("frees a slot when a lease is closed, and completes its stream; closing again changes nothing", async () => {
    const { a } = sessions();
    const after = await withLeases(async (leases) => {
      const held = Array.from({ length: MAX_STREAMS_PER_USER }, () => opened(leases.open(a, T0)));
      leases.close(held[0]!.leaseId);
      leases.close(held[0]!.leaseId);
      return { closed: await state(held[0]!.ended), other: await state(held[1]!.ended), reopened: leases.open(a, T0).kind, sixth: leases.open(a, T0).kind };
    });
    expect(after).toEqual({ closed: "ended", other: "open", reopened: "opened", sixth: "full" });
  });

  it("frees a slot when the gateway cancels the lease's stream (its live stream ended, or it went away)", async () => {
    const { a } = sessions();
    const after = await withLeases(async (leases) => {
      const held = Array.from({ length: MAX_STREAMS_PER_USER }, () => opened(leases.open(a, T0)));
      await held[0]!.ended.cancel();
      await settle();
      return { size: leases.size, reopened: leases.open(a, T0).kind };
    });
    expect(after).toEqual({ size: MAX_STREAMS_PER_USER - 1, reopened: "opened" });
  });

  it("pings every lease's stream, and one whose reader stopped reading is freed once its buffer is full", async () => {
    const { a } = sessions();
    const after = await withLeases(async (leases) => {
      const read = opened(leases.open(a, T0));
      opened(leases.open(a, T0));
      const reader = readLiveStream<string>(read.ended);
      const first = reader.next();
      const remaining = [leases.ping()];
      const ping = (await first).value;
      // The reader keeps up with one more ping at a time, the other never reads.
      for (let i = 0; i < 80; i++) {
        const next = reader.next();
        remaining.push(leases.ping());
        await next;
      }
      return { ping, remainingFirst: remaining[0], remainingLast: remaining.at(-1) };
    });
    expect(after).toEqual({ ping: "ping", remainingFirst: 2, remainingLast: 1 });
  });

  it("ends the leases of revoked sessions only, and refuses those sessions new ones while their tokens may live", async () => {
    const { a, b } = sessions();
    const after = await withLeases(async (leases) => {
      const ofA = opened(leases.open(a, T0));
      const ofB = opened(leases.open(b, T0));
      leases.revoke([a], T0 + 1);
      return {
        a: await state(ofA.ended),
        b: await state(ofB.ended),
        reopenA: leases.open(a, T0 + 2).kind,
        reopenB: leases.open(b, T0 + 2).kind,
        afterTokensExpired: leases.open(a, T0 + 1 + REVOCATION_MEMORY_MS).kind,
      };
    });
    expect(after).toEqual({ a: "ended", b: "open", reopenA: "revoked", reopenB: "opened", afterTokensExpired: "opened" });
  });

  it('ends every lease of the user with "all", and refuses every session', async () => {
    const { a, b } = sessions();
    const after = await withLeases(async (leases) => {
      const held = [opened(leases.open(a, T0)), opened(leases.open(b, T0))];
      leases.revoke("all", T0 + 1);
      return { streams: await Promise.all(held.map((lease) => state(lease.ended))), anySession: leases.open(crypto.randomUUID(), T0 + 2).kind };
    });
    expect(after).toEqual({ streams: ["ended", "ended"], anySession: "revoked" });
  });

  it("keeps each user's leases apart", async () => {
    const { a } = sessions();
    const full = await withLeases((leases) => Array.from({ length: MAX_STREAMS_PER_USER + 1 }, () => leases.open(a, T0).kind).at(-1));
    const other = await withLeases((leases) => leases.open(crypto.randomUUID(), T0).kind);
    expect({ full, other }).toEqual({ full: "full", other: "opened" });
  });
});
