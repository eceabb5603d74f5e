import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openDb } from "../../../shared/d1";
import { mainExport } from "../../../shared/testing/main-export";
import { rpcMethodNames } from "../../../shared/rpc-server";
import { createAccount } from "../test/fixtures";
import { AUTH_METHODS } from "./contract";
import AuthService from "./index";
import { insertPendingUser } from "./users";

const worker = mainExport<Service<AuthService>>();
const meta = { requestId: "test-accounts-0001" };

describe("auth's RPC entrypoint", () => {
  it("serves exactly the methods of its contract", () => {
    expect(rpcMethodNames(AuthService).sort()).toEqual([...AUTH_METHODS].sort());
  });
});

describe("accounts RPC", () => {
  it("returns known active accounts by id and leaves unknown ids out", async () => {
    const a = await createAccount();
    const pendingId = crypto.randomUUID();
    await insertPendingUser(openDb(env.AUTH_DB), { id: pendingId, email: `pending-${pendingId}@example.com`, passwordHash: "x", now: new Date().toISOString() });
    const result = await worker.accounts(meta, [a.id, a.id, crypto.randomUUID(), pendingId]);
    expect(result).toEqual({ ok: true, value: { [a.id]: { id: a.id, email: a.email, createdAt: a.createdAt } } });
  });

  it("refuses an empty or oversized batch", async () => {
    expect(await worker.accounts(meta, [])).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    const many = Array.from({ length: 101 }, () => crypto.randomUUID());
    expect(await worker.accounts(meta, many)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
  });
});

describe("listAccounts RPC", () => {
  it("pages through every account newest first with opaque cursors", async () => {
    for (let i = 0; i < 5; i++) await createAccount();
    const expected = await env.AUTH_DB.prepare("SELECT id FROM users WHERE status = 'active' ORDER BY created_at DESC, id DESC").all<{ id: string }>();
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const result = await worker.listAccounts(meta, { first: 2, ...(after ? { after } : {}) });
      if (!result.ok) throw new Error(result.error.message);
      seen.push(...result.value.accounts.map((a) => a.id));
      if (!result.value.hasNextPage) {
        expect(result.value.endCursor === null || result.value.accounts.length > 0).toBe(true);
        break;
      }
      after = result.value.endCursor!;
    }
    expect(seen).toEqual(expected.results.map((r) => r.id));
  });

  it("refuses a bad page size or cursor", async () => {
    for (const page of [{ first: 0 }, { first: 101 }, { first: 1.5 }, { first: 10, after: "garbage" }, { first: 10, after: btoa("[1]") }]) {
      expect(await worker.listAccounts(meta, page as { first: number }), JSON.stringify(page)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    }
  });
});
