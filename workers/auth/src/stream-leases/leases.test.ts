import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_STREAMS_PER_USER, STREAM_LEASE_TTL_SECONDS } from "../contract";
import { closeLease, openLease, renewLease, REVOCATION_MEMORY_MS, revokeSessions, type OpenOutcome } from "./leases";

const T0 = Date.UTC(2026, 10, 24, 12);
const TTL_MS = STREAM_LEASE_TTL_SECONDS * 1000;

/** Runs `work` on the storage of a fresh user's StreamLeases object, with the time in the tests' hands. */
function withLeases<T>(work: (sql: SqlStorage) => T): Promise<T> {
  return runInDurableObject(env.STREAM_LEASES.getByName(crypto.randomUUID()), (_instance, state) => work(state.storage.sql));
}

function leaseOf(outcome: OpenOutcome): string {
  if (outcome.kind !== "opened") throw new Error(`expected a lease, got ${outcome.kind}`);
  return outcome.leaseId;
}

const sessions = () => ({ a: crypto.randomUUID(), b: crypto.randomUUID() });

describe("stream leases", () => {
  it("gives a user five leases, across sessions, and refuses the sixth", async () => {
    const { a, b } = sessions();
    const outcomes = await withLeases((sql) => [a, a, a, b, b, b].map((session) => openLease(sql, session, T0).kind));
    expect(outcomes).toEqual([...Array<string>(MAX_STREAMS_PER_USER).fill("opened"), "full"]);
  });

  it("frees a slot when a lease is closed; closing again changes nothing", async () => {
    const { a } = sessions();
    const after = await withLeases((sql) => {
      const leases = Array.from({ length: MAX_STREAMS_PER_USER }, () => leaseOf(openLease(sql, a, T0)));
      closeLease(sql, leases[0]!);
      closeLease(sql, leases[0]!);
      return { renewed: renewLease(sql, leases[0]!, T0), reopened: openLease(sql, a, T0).kind, sixth: openLease(sql, a, T0).kind };
    });
    expect(after).toEqual({ renewed: false, reopened: "opened", sixth: "full" });
  });

  it("frees a slot when a lease lapses unrenewed, and keeps one renewed", async () => {
    const { a } = sessions();
    const after = await withLeases((sql) => {
      const leases = Array.from({ length: MAX_STREAMS_PER_USER }, () => leaseOf(openLease(sql, a, T0)));
      const renewedInTime = leases.slice(1).map((lease) => renewLease(sql, lease, T0 + TTL_MS - 1));
      const stillFull = openLease(sql, a, T0 + TTL_MS - 1).kind;
      // The first was never renewed: at T0 + TTL it lapses; the others were renewed until T0 + 2 TTL - 1.
      return { renewedInTime, stillFull, reopened: openLease(sql, a, T0 + TTL_MS).kind, lapsed: renewLease(sql, leases[0]!, T0 + TTL_MS) };
    });
    expect(after).toEqual({ renewedInTime: [true, true, true, true], stillFull: "full", reopened: "opened", lapsed: false });
  });

  it("ends the leases of revoked sessions only, and refuses those sessions new ones while their tokens may live", async () => {
    const { a, b } = sessions();
    const after = await withLeases((sql) => {
      const ofA = leaseOf(openLease(sql, a, T0));
      const ofB = leaseOf(openLease(sql, b, T0));
      revokeSessions(sql, [a], T0 + 1);
      return {
        a: renewLease(sql, ofA, T0 + 2),
        b: renewLease(sql, ofB, T0 + 2),
        reopenA: openLease(sql, a, T0 + 2).kind,
        reopenB: openLease(sql, b, T0 + 2).kind,
        afterTokensExpired: openLease(sql, a, T0 + 1 + REVOCATION_MEMORY_MS).kind,
      };
    });
    expect(after).toEqual({ a: false, b: true, reopenA: "revoked", reopenB: "opened", afterTokensExpired: "opened" });
  });

  it('ends every lease of the user with "all", and refuses every session', async () => {
    const { a, b } = sessions();
    const after = await withLeases((sql) => {
      const leases = [leaseOf(openLease(sql, a, T0)), leaseOf(openLease(sql, b, T0))];
      revokeSessions(sql, "all", T0 + 1);
      return { renewed: leases.map((lease) => renewLease(sql, lease, T0 + 2)), anySession: openLease(sql, crypto.randomUUID(), T0 + 2).kind };
    });
    expect(after).toEqual({ renewed: [false, false], anySession: "revoked" });
  });

  it("keeps each user's leases apart", async () => {
    const { a } = sessions();
    const full = await withLeases((sql) => Array.from({ length: MAX_STREAMS_PER_USER + 1 }, () => openLease(sql, a, T0).kind).at(-1));
    const other = await withLeases((sql) => openLease(sql, crypto.randomUUID(), T0).kind);
    expect({ full, other }).toEqual({ full: "full", other: "opened" });
  });
});
