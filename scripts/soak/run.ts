/**
 * The soak itself, on any fetch that reaches the platform's gateway: the simulated users
 * side by side until the time is up, then the report. The CLI (scripts/soak.ts) and the
 * test (scripts/soak.integration.test.ts) both run it on the real Workers.
 */
import { clientAddress, MAX_USERS } from "./addresses.ts";
import type { PlatformFetch } from "./client.ts";
import { Gate } from "./gate.ts";
import { seededRandom } from "./random.ts";
import { Recorder } from "./recorder.ts";
import { buildReport, type SoakReport } from "./report.ts";
import { SimulatedUser } from "./user.ts";

export interface SoakOptions {
  users: number;
  seconds: number;
  seed: number;
  /** Pause between one user's actions, uniform in [min, max] ms. */
  thinkMs?: readonly [number, number];
  /** Each user refreshes its tokens about this often (s), and logs out and in again about this often. */
  refreshEverySeconds?: number;
  reloginEverySeconds?: number;
  /** After the time is up: how long the final read-backs (and their back-offs) may take (s). */
  graceSeconds?: number;
  requestTimeoutMs?: number;
  concurrentPasswordChecks?: number;
}

export const SOAK_DEFAULTS = {
  users: 20,
  seconds: 120,
  thinkMs: [150, 600],
  refreshEverySeconds: 15,
  reloginEverySeconds: 30,
  graceSeconds: 30,
  requestTimeoutMs: 30_000,
  /** Sign-ups and sign-ins in flight at once, all users together: each costs a password hash. */
  concurrentPasswordChecks: 2,
} as const;

/** Each user's own stream of choices, from the run's seed. */
const userSeed = (seed: number, user: number) => (seed ^ Math.imul(user + 1, 0x9e3779b9)) >>> 0;

export async function runSoak(fetch: PlatformFetch, options: SoakOptions): Promise<SoakReport> {
  const o = { ...SOAK_DEFAULTS, ...options };
  if (!Number.isInteger(o.users) || o.users < 1 || o.users > MAX_USERS) throw new RangeError(`users must be 1 to ${MAX_USERS}`);
  if (!(o.seconds > 0)) throw new RangeError("seconds must be positive");
  // Emails differ per run, so a run against a platform that kept its state still signs up.
  const runTag = crypto.randomUUID().slice(0, 8);
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  // Sign-ups (a password hash each) spread over the first quarter of the run, at most 2 a second.
  const staggerMs = Math.min(500, (o.seconds * 250) / o.users);
  const recorder = new Recorder();
  const passwordGate = new Gate(o.concurrentPasswordChecks);
  const users = Array.from({ length: o.users }, (_, index) =>
    new SimulatedUser(fetch, recorder, {
      index,
      email: `soak-${runTag}-${index}@example.com`,
      password: `soak passphrase ${runTag} ${index}`,
      address: clientAddress(index),
      random: seededRandom(userSeed(o.seed, index)),
      startAt: started + index * staggerMs,
      deadline,
      hardStop: deadline + o.graceSeconds * 1000,
      thinkMs: o.thinkMs,
      refreshEveryMs: o.refreshEverySeconds * 1000,
      reloginEveryMs: o.reloginEverySeconds * 1000,
      passwordGate,
      // A bound in count as well as in time: no user can loop faster than this.
      maxActions: Math.ceil((o.seconds * 1000) / Math.max(1, o.thinkMs[0])) + 1,
      requestTimeoutMs: o.requestTimeoutMs,
    }).run(),
  );
  const results = await Promise.all(users);
  return buildReport({ users: o.users, seconds: o.seconds, seed: o.seed }, (performance.now() - started) / 1000, recorder, results);
}
