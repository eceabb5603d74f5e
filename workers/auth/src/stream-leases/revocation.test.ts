/**
 * Stream leases through the entrypoint (openStream / closeStream), ended by the real HTTP
 * routes that revoke sessions.
 */
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { mainExport } from "../../../../shared/testing/main-export";
import { bearer, createAccount, envWithRoles, signedIn, testApp, testClock } from "../../test/fixtures";
import { leaseStreamState } from "../../test/lease-stream";
import type { StreamLease } from "../contract";
import type AuthService from "../index";

const auth = mainExport<Service<AuthService>>();
const meta = { requestId: "auth-stream-leases-test" };

async function leaseFor(userId: string, sessionId: string): Promise<StreamLease> {
  const opened = await auth.openStream(meta, userId, sessionId);
  if (!opened.ok || opened.value === null) throw new Error(`expected a lease, got ${JSON.stringify(opened)}`);
  return opened.value;
}

/** A user with two signed-in sessions, each holding a stream lease. */
async function streamingUser(clock = testClock()) {
  const user = await createAccount();
  const [one, two] = [await signedIn(user, clock.ms), await signedIn(user, clock.ms)];
  const leases = { one: await leaseFor(user.id, one.sessionId), two: await leaseFor(user.id, two.sessionId) };
  const streams = async () => ({ one: await leaseStreamState(leases.one.ended), two: await leaseStreamState(leases.two.ended) });
  return { user, one, two, leases, streams };
}

/** Services account deletion calls, answering as they do for a user that is no last admin. */
const envForDeletion = {
  ...envWithRoles,
  SECURITY: { ...envWithRoles.SECURITY, admins: async () => [], removeUser: async () => ({ ok: true, value: null }) },
  USER: { removeUser: async () => undefined },
  TRADING: { removeUser: async () => undefined },
} as unknown as AuthEnv;

describe("the stream-lease RPC", () => {
  it("answers null for a sixth stream, and a closed one frees its slot", async () => {
    const user = await createAccount();
    const session = await signedIn(user, Date.now());
    const leases = await Promise.all(Array.from({ length: 5 }, () => leaseFor(user.id, session.sessionId)));
    expect(await auth.openStream(meta, user.id, session.sessionId)).toEqual({ ok: true, value: null });
    await auth.closeStream(meta, user.id, leases[0]!.leaseId);
    await auth.closeStream(meta, user.id, leases[0]!.leaseId);
    expect(await leaseStreamState(leases[0]!.ended)).toBe("ended");
    expect(await leaseStreamState(leases[1]!.ended)).toBe("open");
    expect((await auth.openStream(meta, user.id, session.sessionId)).ok).toBe(true);
  });

  it("a lease whose gateway went away without closing it is freed by the object's next checks", async () => {
    const user = await createAccount();
    const session = await signedIn(user, Date.now());
    const leases = await Promise.all(Array.from({ length: 5 }, () => leaseFor(user.id, session.sessionId)));
    await leases[0]!.ended.cancel();
    await vi.waitFor(
      async () => {
        expect(await runDurableObjectAlarm(env.STREAM_LEASES.getByName(user.id))).toBe(true);
        const reopened = await auth.openStream(meta, user.id, session.sessionId);
        expect(reopened.ok && reopened.value !== null).toBe(true);
      },
      { timeout: 2_000, interval: 50 },
    );
  });

  it("refuses bad ids: BAD_USER_INPUT from openStream, nothing closed by closeStream", async () => {
    const userId = crypto.randomUUID();
    const opened = await auth.openStream(meta, "not-a-user", "x".repeat(10_000));
    expect(opened.ok ? null : opened.error.details?.map((d) => d.field)).toEqual(["userId", "sessionId"]);
    const lease = await leaseFor(userId, crypto.randomUUID());
    await auth.closeStream(meta, "not-a-user", lease.leaseId);
    await auth.closeStream(meta, userId, 42 as unknown as string);
    expect(await leaseStreamState(lease.ended)).toBe("open");
  });
});

describe("a revoked session's lease streams end at once", () => {
  it("logout ends its session's streams only, and the session opens no new one", async () => {
    const { call } = testApp(testClock(), envWithRoles);
    const { user, one, streams } = await streamingUser();
    expect((await call("/auth/logout", { method: "POST", headers: bearer(one.accessToken) })).status).toBe(204);
    expect(await streams()).toEqual({ one: "ended", two: "open" });
    const reopened = await auth.openStream(meta, user.id, one.sessionId);
    expect(reopened.ok ? reopened : reopened.error.code).toBe("UNAUTHENTICATED");
  });

  it("logout of every session ends them all", async () => {
    const { call } = testApp(testClock(), envWithRoles);
    const { one, streams } = await streamingUser();
    expect((await call("/auth/logout", { json: { all: true }, headers: bearer(one.accessToken) })).status).toBe(204);
    expect(await streams()).toEqual({ one: "ended", two: "ended" });
  });

  it("a password change ends the other sessions' streams, not the changing one's", async () => {
    const { call } = testApp(testClock(), envWithRoles);
    const { user, one, streams } = await streamingUser();
    const change = { currentPassword: user.password, newPassword: "another decent passphrase" };
    expect((await call("/auth/password", { json: change, headers: bearer(one.accessToken) })).status).toBe(204);
    expect(await streams()).toEqual({ one: "open", two: "ended" });
  });

  it("account deletion ends every stream, and no session of the account opens one", async () => {
    const { call } = testApp(testClock(), envForDeletion);
    const { user, one, streams } = await streamingUser();
    expect((await call("/auth/account", { method: "DELETE", json: { password: user.password }, headers: bearer(one.accessToken) })).status).toBe(204);
    expect(await streams()).toEqual({ one: "ended", two: "ended" });
    const reopened = await auth.openStream(meta, user.id, crypto.randomUUID());
    expect(reopened.ok ? reopened : reopened.error.code).toBe("UNAUTHENTICATED");
  });

  it("reuse of a replaced refresh token ends that session's streams", async () => {
    const clock = testClock();
    const { call } = testApp(clock, envWithRoles);
    const { one, streams } = await streamingUser(clock);
    expect((await call("/auth/refresh", { json: { refreshToken: one.refreshToken } })).status).toBe(200);
    clock.advance(11_000);
    const reuse = await call("/auth/refresh", { json: { refreshToken: one.refreshToken } });
    expect(((await reuse.json()) as { error: { code: string } }).error.code).toBe("SESSION_REVOKED");
    expect(await streams()).toEqual({ one: "ended", two: "open" });
  });
});
