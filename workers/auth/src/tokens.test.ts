import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { revocations } from "./tokens";

describe("session revocation list", () => {
  it("remembers a session this isolate revoked even before KV answers", async () => {
    const sid = crypto.randomUUID();
    await revocations(env).revoke([sid]);
    expect(await env.REVOKED_SESSIONS.get(sid)).toBe("1");
    await env.REVOKED_SESSIONS.delete(sid);
    expect(await revocations(env).isRevoked(sid)).toBe(true);
  });

  it("sees a session another isolate revoked through KV", async () => {
    const sid = crypto.randomUUID();
    expect(await revocations(env).isRevoked(sid)).toBe(false);
    await env.REVOKED_SESSIONS.put(sid, "1");
    expect(await revocations(env).isRevoked(sid)).toBe(true);
  });
});
