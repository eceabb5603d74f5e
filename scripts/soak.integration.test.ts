/**
 * A short `npm run soak` on the five real Workers (rate limits on): it must pass and have
 * done real work of every kind; and the same soak must fail when the platform answers an
 * account other than its user's mutations imply.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "./testing/platform.ts";
import { startSoakPlatform } from "./soak.ts";
import type { PlatformFetch } from "./soak/client.ts";
import { formatReport, verdict } from "./soak/report.ts";
import { runSoak } from "./soak/run.ts";

let platform: Platform;
beforeAll(async () => {
  platform = await startSoakPlatform();
});
afterAll(() => platform?.stop());

const realFetch: PlatformFetch = (path, init) => platform.fetch(path, init);

describe("npm run soak, short", () => {
  it("5 users for 30 s: no 5xx, no INTERNAL, every account as its mutations imply, every kind of request done", { timeout: 150_000 }, async () => {
    // Refreshes and sign-ins paced faster than the CLI's defaults, so 30 s see several of each.
    const report = await runSoak(realFetch, { users: 5, seconds: 30, seed: 20261124, refreshEverySeconds: 6, reloginEverySeconds: 10 });
    const printed = formatReport(report);
    expect(verdict(report), printed).toEqual([]);
    expect(report.serverErrors, printed).toBe(0);
    expect(report.internalErrors, printed).toBe(0);
    expect(report.integrity, printed).toMatchObject({ ok: true, usersChecked: 5 });
    // Real work of every kind, however slow the shared machine: each kind answered cleanly,
    // and each user busy all along (on an idle machine a user makes 2 to 3 requests a second).
    const clean = (kind: string) => report.kinds[kind]?.clean ?? 0;
    expect([clean("register"), clean("finalReadBack")], printed).toEqual([5, 5]);
    const kinds = ["stock", "stocks", "searchStocks", "addToWatchlist", "removeFromWatchlist", "updateProfile", "me", "refresh", "logout", "meAfterLogout", "login"];
    for (const kind of kinds) expect(clean(kind), `${kind}\n${printed}`).toBeGreaterThanOrEqual(1);
    expect(report.requests, printed).toBeGreaterThanOrEqual(60);
  });

  it("fails the integrity check when the platform answers a watchlist the mutations do not imply", { timeout: 60_000 }, async () => {
    // Every read of `me` (at least the final one) gains a symbol no user ever added.
    const corrupting: PlatformFetch = async (path, init) => {
      const response = await platform.fetch(path, init);
      if (!init.body?.includes("query SoakMe")) return response;
      const body = (await response.json()) as { data?: { me?: { watchlist: { symbol: string }[] } } };
      body.data?.me?.watchlist.push({ symbol: "ZZZZ" });
      return new Response(JSON.stringify(body), { status: response.status, headers: { "content-type": "application/json" } });
    };
    const report = await runSoak(corrupting, { users: 1, seconds: 4, seed: 1 });
    expect(report.integrity.ok).toBe(false);
    expect(report.integrity.failures.join("\n")).toMatch(/(me read|final read-back): expected watchlist \[(?![^\]]*ZZZZ)[^\]]*\].*; the platform answered watchlist \[[^\]]*ZZZZ\]/);
    expect(verdict(report)).toContain(`${report.integrity.failures.length} integrity failures`);
  });

  it("counts a mutation whose answer was lost as a 5xx, not as an account that diverged", { timeout: 60_000 }, async () => {
    // Every mutation reaches the platform (and happens), but its answer is replaced by a 502.
    const answerLost: PlatformFetch = async (path, init) => {
      const response = await platform.fetch(path, init);
      if (!init.body?.includes('"mutation ')) return response;
      await response.arrayBuffer();
      const body = { errors: [{ message: "Bad gateway", extensions: { code: "SERVICE_UNAVAILABLE" } }] };
      return new Response(JSON.stringify(body), { status: 502, headers: { "content-type": "application/json" } });
    };
    const report = await runSoak(answerLost, { users: 1, seconds: 6, seed: 3 });
    const mutations = ["addToWatchlist", "removeFromWatchlist", "updateProfile"].reduce((n, kind) => n + (report.kinds[kind]?.requests ?? 0), 0);
    const printed = formatReport(report);
    expect(mutations, printed).toBeGreaterThan(0);
    expect(report.integrity, printed).toMatchObject({ ok: true, usersChecked: 1 });
    expect(verdict(report), printed).toEqual([`${mutations} answers with a 5xx status`]);
  });
});
