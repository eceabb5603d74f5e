/** The soak's figures from its samples and users, the verdict, and the printed report. */
import type { Divergence, Observation } from "./model.ts";
import type { Recorder, Sample } from "./recorder.ts";
import type { UserResult } from "./user.ts";

export interface KindFigures {
  requests: number;
  /** 2xx with no error. */
  clean: number;
  p50Ms: number;
  p99Ms: number;
}

export interface SoakReport {
  users: number;
  seconds: number;
  seed: number;
  elapsedSeconds: number;
  requests: number;
  requestsPerSecond: number;
  /** "200", "429 RATE_LIMITED", "200 BAD_USER_INPUT,BAD_USER_INPUT": one count per answer. */
  histogram: Record<string, number>;
  kinds: Record<string, KindFigures>;
  serverErrors: number;
  /** Answers carrying INTERNAL (auth API) or INTERNAL_SERVER_ERROR (GraphQL). */
  internalErrors: number;
  throttled: number;
  transportErrors: { kind: string; message: string }[];
  latency: { p50Ms: number; p99Ms: number };
  integrity: { ok: boolean; usersChecked: number; failures: string[] };
}

const INTERNAL_CODES = new Set(["INTERNAL", "INTERNAL_SERVER_ERROR"]);

/** Nearest rank; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function kindFigures(samples: readonly Sample[]): Record<string, KindFigures> {
  const byKind = Map.groupBy(samples, (sample) => sample.kind);
  return Object.fromEntries(
    [...byKind].map(([kind, of]) => {
      const ms = of.map((sample) => sample.ms);
      return [kind, { requests: of.length, clean: of.filter((s) => s.clean).length, p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99) }];
    }),
  );
}

const listed = (observation: Observation) =>
  [
    observation.watchlist && `watchlist [${observation.watchlist.join(", ")}]`,
    observation.profile && `profile ${observation.profile.firstName} / ${observation.profile.lastName}`,
  ]
    .filter(Boolean)
    .join(", ");

export function describeDivergence(user: string, divergence: Divergence): string {
  const expected = divergence.expected.map(listed).join("  or  ");
  return `${user}: ${divergence.where}: expected ${expected}; the platform answered ${listed(divergence.actual)}`;
}

/** What the account checks found, per user: every divergence and problem. */
export function integrityFailures(users: readonly UserResult[]): string[] {
  return users.flatMap((user) => {
    const who = `${user.email} (${user.address})`;
    return [...user.divergences.map((d) => describeDivergence(who, d)), ...user.problems.map((problem) => `${who}: ${problem}`)];
  });
}

export function buildReport(
  options: { users: number; seconds: number; seed: number },
  elapsedSeconds: number,
  recorder: Recorder,
  users: readonly UserResult[],
): SoakReport {
  const { samples } = recorder;
  const failures = integrityFailures(users);
  return {
    ...options,
    elapsedSeconds,
    requests: samples.length,
    requestsPerSecond: samples.length / elapsedSeconds,
    histogram: countBy(samples, (s) => [String(s.status), s.codes.join(",")].filter(Boolean).join(" ")),
    kinds: kindFigures(samples),
    serverErrors: samples.filter((s) => s.status >= 500).length,
    internalErrors: samples.filter((s) => s.codes.some((code) => INTERNAL_CODES.has(code))).length,
    throttled: samples.filter((s) => s.throttled).length,
    transportErrors: recorder.transportErrors,
    latency: { p50Ms: percentile(samples.map((s) => s.ms), 50), p99Ms: percentile(samples.map((s) => s.ms), 99) },
    integrity: { ok: failures.length === 0, usersChecked: users.filter((u) => u.signedUp).length, failures },
  };
}

/** Why the soak failed; empty when it passed. */
export function verdict(report: SoakReport): string[] {
  return [
    report.serverErrors > 0 && `${report.serverErrors} answers with a 5xx status`,
    report.internalErrors > 0 && `${report.internalErrors} answers with an INTERNAL / INTERNAL_SERVER_ERROR code`,
    report.transportErrors.length > 0 && `${report.transportErrors.length} requests got no answer`,
    !report.integrity.ok && `${report.integrity.failures.length} integrity failures`,
    report.integrity.usersChecked < report.users && `${report.users - report.integrity.usersChecked} users could not sign up`,
  ].filter((reason): reason is string => typeof reason === "string");
}

const fixed = (n: number) => n.toFixed(1);

export function formatReport(report: SoakReport): string {
  const lines = [
    `soak: ${report.users} users, ${report.seconds} s, seed ${report.seed}`,
    `requests: ${report.requests} in ${fixed(report.elapsedSeconds)} s = ${fixed(report.requestsPerSecond)} req/s`,
    `latency: p50 ${fixed(report.latency.p50Ms)} ms, p99 ${fixed(report.latency.p99Ms)} ms`,
    "",
    "kind                  requests   clean   p50 ms   p99 ms",
    ...Object.entries(report.kinds)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([kind, k]) =>
          `${kind.padEnd(20)}${String(k.requests).padStart(10)}${String(k.clean).padStart(8)}${fixed(k.p50Ms).padStart(9)}${fixed(k.p99Ms).padStart(9)}`,
      ),
    "",
    "status / codes                        answers",
    ...Object.entries(report.histogram)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key.padEnd(36)}${String(count).padStart(9)}`),
    "",
    `5xx: ${report.serverErrors}`,
    `INTERNAL / INTERNAL_SERVER_ERROR: ${report.internalErrors}`,
    `throttled (429, RATE_LIMITED, 503 + Retry-After from /auth/*): ${report.throttled}`,
    `no answer: ${report.transportErrors.length}`,
    ...report.transportErrors.slice(0, 20).map((e) => `  ${e.kind}: ${e.message}`),
    `integrity: ${report.integrity.ok ? "ok" : "FAILED"} (${report.integrity.usersChecked} accounts checked)`,
    ...report.integrity.failures.map((failure) => `  ${failure}`),
  ];
  const reasons = verdict(report);
  lines.push("", reasons.length === 0 ? "PASS" : `FAIL: ${reasons.join("; ")}`);
  return `${lines.join("\n")}\n`;
}
