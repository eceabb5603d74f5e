/**
 * Stream leases through the entrypoint (openStream / renewStream / closeStream), ended by
 * the real HTTP routes that revoke sessions.
 */
import { describe, expect, it } from "vitest";
import { mainExport } from "../../../../shared/testing/main-export";
import { bearer, createAccount, envWithRoles, signedIn, testApp, testClock } from "../../test/fixtures";
import type AuthService from "../index";

const auth = mainExport<Service<AuthService>>();
const meta = { requestId: "auth-stream-leases-test" };

async function leaseFor(userId: string, sessionId: string): Promise<string> {
  const opened = await auth.openStream(meta, userId, sessionId);
  if (!opened.ok || opened.value === null) throw new Error(`expected a lease, got ${JSON.stringify(opened)}`);
  return opened.value.leaseId;
}

/** A user with two signed-in sessions, each holding a stream lease. */
async function streamingUser(clock = testClock()) {
  const user = await createAccount();
  const [one, two] = [await signedIn(user, clock.ms), await signedIn(user, clock.ms)];
  const leases = { one: await leaseFor(user.id, one.sessionId), two: await leaseFor(user.id, two.sessionId) };
  const renewed = async () => ({ one: await auth.renewStream(meta, user.id, leases.one), two: await auth.renewStream(meta, user.id, leases.two) });
  return { user, one, two, leases, renewed };
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
    await auth.closeStream(meta, user.id, leases[0]!);
    await auth.closeStream(meta, user.id, leases[0]!);
    expect(await auth.renewStream(meta, user.id, leases[0]!)).toBe(false);
    expect(await auth.renewStream(meta, user.id, leases[1]!)).toBe(true);
    expect((await auth.openStream(meta, user.id, session.sessionId)).ok).toBe(true);
  });

  it("refuses bad ids: BAD_USER_INPUT from openStream, false from renewStream, nothing closed", async () => {
    const userId = crypto.randomUUID();
    const opened = await auth.openStream(meta, "not-a-user", "x".repeat(10_000));
    expect(opened.ok ? null : opened.error.details?.map((d) => d.field)).toEqual(["userId", "sessionId"]);
    const lease = await leaseFor(userId, crypto.randomUUID());
    expect(await auth.renewStream(meta, userId, 42 as unknown as string)).toBe(false);
    await auth.closeStream(meta, "not-a-user", lease);
    expect(await auth.renewStream(meta, userId, lease)).toBe(true);
  });
});

describe("a revoked session's streams end at their next renewal", () => {
  it("logout ends its session's streams only, and the session opens no new one", async () => {
    const { call } = testApp(testClock(), envWithRoles);
    const { user, one, renewed } = await streamingUser();
    expect((await call("/auth/logout", { method: "POST", headers: bearer(one.accessToken) })).status).toBe(204);
    expect(await renewed()).toEqual({ one: false, two: true });
    const reopened = await auth.openStream(meta, user.id, one.sessionId);
    expect(reopened.ok ? reopened : reopened.error.code).toBe("UNAUTHENTICATED");
  });

  it("logout of every session ends them all", async () => {
    const { call } = testApp(testClock(), envWithRoles);
    const { one, renewed } = await streamingUser();
    expect((await call("/auth/logout", { json: { all: true }, headers: bearer(one.accessToken) })).status).toBe(204);
    expect(await renewed()).toEqual({ one: false, two: false });
  });

  it("a password change ends the other sessions' streams, not the changing one's", async () => {
    const { call } = testApp(testClock(), envWithRoles);
    const { user, one, renewed } = await streamingUser();
    const change = { currentPassword: user.password, newPassword: "another decent passphrase" };
    expect((await call("/auth/password", { json: change, headers: bearer(one.accessToken) })).status).toBe(204);
    expect(await renewed()).toEqual({ one: true, two: false });
  });

  it("account deletion ends every stream, and no session of the account opens one", async () => {
    const { call } = testApp(testClock(), envForDeletion);
    const { user, one, renewed } = await streamingUser();
    expect((await call("/auth/account", { method: "DELETE", json: { password: user.password }, headers: bearer(one.accessToken) })).status).toBe(204);
    expect(await renewed()).toEqual({ one: false, two: false });
    const reopened = await auth.openStream(meta, user.id, crypto.randomUUID());
    expect(reopened.ok ? reopened : reopened.error.code).toBe("UNAUTHENTICATED");
  });

  it("reuse of a replaced refresh token ends that session's streams", async () => {
    const clock = testClock();
    const { call } = testApp(clock, envWithRoles);
    const { one, renewed } = await streamingUser(clock);
    expect((await call("/auth/refresh", { json: { refreshToken: one.refreshToken } })).status).toBe(200);
    clock.advance(11_000);
    const reuse = await call("/auth/refresh", { json: { refreshToken: one.refreshToken } });
    expect(((await reuse.json()) as { error: { code: string } }).error.code).toBe("SESSION_REVOKED");
    expect(await renewed()).toEqual({ one: false, two: true });
  });
});
