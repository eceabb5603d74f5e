import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openDb } from "../../../shared/d1";
import { recordingD1 } from "../../../shared/testing/recording-d1";
import { accessOf, grant, revoke } from "./roles";


describe("accessOf", () => {
  it("reads the access of 100 users in one query with one bound parameter", async () => {
    const ids = Array.from({ length: 100 }, () => crypto.randomUUID());
    await env.SECURITY_DB.batch(
      ids.map((id) => env.SECURITY_DB.prepare("INSERT INTO user_roles VALUES (?, 'member', ?)").bind(id, new Date().toISOString())),
    );
    const { d1, statements } = recordingD1(env.SECURITY_DB);
    const access = await accessOf(openDb(d1), ids);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.sql.match(/\?/g)).toHaveLength(1);
    expect(Object.values(access).every((a) => a.roles.join() === "member")).toBe(true);
    expect(Object.keys(access)).toHaveLength(100);
  });
});

describe("revoke", () => {
  it("leaves one admin when the last two are revoked concurrently in one isolate", async () => {
    await env.SECURITY_DB.prepare("DELETE FROM user_roles WHERE role = 'admin'").run();
    const db = openDb(env.SECURITY_DB);
    const admins = [crypto.randomUUID(), crypto.randomUUID()];
    for (const admin of admins) await grant(db, admin, "admin", new Date().toISOString());
    const outcomes = await Promise.all(admins.map((admin) => revoke(db, admin, "admin", admins)));
    expect(outcomes.filter((outcome) => outcome.roleExists && outcome.lastAdmin)).toHaveLength(1);
    const { results } = await env.SECURITY_DB.prepare("SELECT user_id FROM user_roles WHERE role = 'admin'").all();
    expect(results).toHaveLength(1);
  });
});
