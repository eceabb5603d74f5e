import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { recordingD1 } from "../../../shared/testing/recording-d1";
import { openDb } from "../../../shared/d1";
import { changeProfile, insertProfile, profilesOf } from "./profiles";


describe("profilesOf", () => {
  it("reads 100 profiles in one query with one bound parameter", async () => {
    const db = openDb(env.USER_DB);
    const ids = Array.from({ length: 100 }, () => crypto.randomUUID());
    const now = new Date().toISOString();
    for (const userId of ids) await insertProfile(db, { userId, firstName: "Ada", lastName: userId }, now);
    const { d1, statements } = recordingD1(env.USER_DB);
    const profiles = await profilesOf(openDb(d1), ids);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.sql.match(/\?/g)).toHaveLength(1);
    expect(Object.keys(profiles).sort()).toEqual([...ids].sort());
    ids.forEach((userId) => expect(profiles[userId]?.lastName).toBe(userId));
  });
});

describe("changeProfile", () => {
  it("moves updatedAt forward even when the clock has not (same millisecond, or behind)", async () => {
    const db = openDb(env.USER_DB);
    const userId = crypto.randomUUID();
    const created = (await insertProfile(db, { userId, firstName: "Ada", lastName: "Lovelace" }, "2026-01-01T00:00:00.999Z"))!;
    const first = await changeProfile(db, userId, { firstName: "Augusta" }, created.updatedAt);
    expect(first).toMatchObject({ firstName: "Augusta", createdAt: created.createdAt, updatedAt: "2026-01-01T00:00:01.000Z" });
    const second = await changeProfile(db, userId, { lastName: "King" }, "2025-12-31T23:59:59.000Z");
    expect(second).toMatchObject({ firstName: "Augusta", lastName: "King", updatedAt: "2026-01-01T00:00:01.001Z" });
    const later = await changeProfile(db, userId, { lastName: "Byron" }, "2026-02-01T12:00:00.000Z");
    expect(later?.updatedAt).toBe("2026-02-01T12:00:00.000Z");
  });

  it("answers null when the user has no profile", async () => {
    expect(await changeProfile(openDb(env.USER_DB), crypto.randomUUID(), { firstName: "Ada" }, new Date().toISOString())).toBeNull();
  });
});
