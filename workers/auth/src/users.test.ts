import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openDb } from "../../../shared/d1";
import { recordingD1 } from "../../../shared/testing/recording-d1";
import { createAccount } from "../test/fixtures";
import { accountsByIds } from "./users";

describe("accountsByIds", () => {
  it("reads the largest batch (100 ids) in one statement within D1's 100 bound parameters", async () => {
    const accounts = await Promise.all(Array.from({ length: 3 }, () => createAccount()));
    const ids = [...accounts.map((a) => a.id), ...Array.from({ length: 97 }, () => crypto.randomUUID())];
    const recorded = recordingD1(env.AUTH_DB);
    const found = await accountsByIds(openDb(recorded.d1), ids);
    expect(Object.keys(found).sort()).toEqual(accounts.map((a) => a.id).sort());
    expect(recorded.statements).toHaveLength(1);
    expect(recorded.statements[0]!.params.length).toBeLessThanOrEqual(100);
  });
});
