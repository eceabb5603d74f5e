import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { mainExport } from "../../../shared/testing/main-export";
import { rpcMethodNames } from "../../../shared/rpc-server";
import { USER_METHODS } from "./contract";
import UserService from "./index";

const worker = mainExport<Service<UserService>>();

const meta = { requestId: "test-request-0001" };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const newUser = async (firstName = "Ada", lastName = "Lovelace") => {
  const userId = crypto.randomUUID();
  const result = await worker.createProfile(meta, { userId, firstName, lastName });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const symbolsOf = (result: { ok: true; value: { symbol: string }[] } | { ok: false }) =>
  result.ok ? result.value.map((item) => item.symbol) : result;

/** The watchlist as the gateway reads it: through `overview`. */
const watchlistOf = async (userId: string) => {
  const answer = await worker.overview(meta, userId);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.watchlist;
};

const rowCount = async (table: string, userId: string) =>
  (await env.USER_DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`).bind(userId).first<{ n: number }>())!.n;

describe("user service", () => {
  it("reports healthy with its migrated database and valid config", async () => {
    const report = await worker.health(meta);
    expect(report.service).toBe("user");
    expect(report.ok).toBe(true);
    expect(Object.values(report.checks).every((check) => check.ok)).toBe(true);
  });

  it("serves exactly the methods of its contract", () => {
    expect(rpcMethodNames(UserService).sort()).toEqual([...USER_METHODS].sort());
  });

  it("has no HTTP surface", async () => {
    const response = await worker.fetch("http://user.internal/anything");
    expect(response.status).toBe(404);
  });

  describe("createProfile", () => {
    it("creates a profile with trimmed names and equal ISO timestamps", async () => {
      const userId = crypto.randomUUID();
      const result = await worker.createProfile(meta, { userId, firstName: "  Ada ", lastName: "\tLovelace\n" });
      expect(result).toEqual({
        ok: true,
        value: { userId, firstName: "Ada", lastName: "Lovelace", createdAt: expect.stringMatching(ISO), updatedAt: expect.stringMatching(ISO) },
      });
      if (result.ok) expect(result.value.updatedAt).toBe(result.value.createdAt);
    });

    it("answers CONFLICT when the user already has a profile, keeping the first", async () => {
      const first = await newUser("Ada");
      const again = await worker.createProfile(meta, { userId: first.userId, firstName: "Grace", lastName: "Hopper" });
      expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
      expect(await worker.profiles(meta, [first.userId])).toEqual({ ok: true, value: { [first.userId]: first } });
    });

    it("accepts 100 characters, counting an accented letter or an emoji once", async () => {
      const name = "é".normalize("NFD").repeat(99) + "👩‍💻";
      const result = await worker.createProfile(meta, { userId: crypto.randomUUID(), firstName: name, lastName: "x".repeat(100) });
      expect(result.ok).toBe(true);
    });

    it.each([
      ["a bad user id", { userId: "42", firstName: "Ada", lastName: "Lovelace" }, "userId"],
      ["an empty first name", { userId: crypto.randomUUID(), firstName: "", lastName: "Lovelace" }, "firstName"],
      ["a blank last name", { userId: crypto.randomUUID(), firstName: "Ada", lastName: "   " }, "lastName"],
      ["a 101-character name", { userId: crypto.randomUUID(), firstName: "a".repeat(101), lastName: "Lovelace" }, "firstName"],
      ["a control character", { userId: crypto.randomUUID(), firstName: "Ada\u0000", lastName: "Lovelace" }, "firstName"],
      ["a lone surrogate", { userId: crypto.randomUUID(), firstName: "Ada\uD800", lastName: "Lovelace" }, "firstName"],
      ["a missing name", { userId: crypto.randomUUID(), firstName: "Ada" }, "lastName"],
    ])("rejects %s as BAD_USER_INPUT and writes nothing", async (_, input, field) => {
      const result = await worker.createProfile(meta, input as { userId: string; firstName: string; lastName: string });
      expect(result).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field }] } });
      if (typeof input.userId === "string") expect(await rowCount("profiles", input.userId)).toBe(0);
    });
  });

  describe("profiles", () => {
    it("answers the profiles of the asked users; unknown users are absent", async () => {
      const [ada, grace] = [await newUser("Ada"), await newUser("Grace")];
      const unknown = crypto.randomUUID();
      expect(await worker.profiles(meta, [ada.userId, unknown, grace.userId, ada.userId])).toEqual({
        ok: true,
        value: { [ada.userId]: ada, [grace.userId]: grace },
      });
    });

    it("answers 100 ids at once", async () => {
      const created = await Promise.all(Array.from({ length: 50 }, (_, i) => newUser(`User ${i}`)));
      const ids = [...created.map((p) => p.userId), ...Array.from({ length: 50 }, () => crypto.randomUUID())];
      const result = await worker.profiles(meta, ids);
      expect(result).toEqual({ ok: true, value: Object.fromEntries(created.map((p) => [p.userId, p])) });
    });

    it.each([
      ["no ids", []],
      ["more than 100 ids", Array.from({ length: 101 }, () => crypto.randomUUID())],
      ["an id that is not a UUID", ["nope"]],
    ])("rejects %s as BAD_USER_INPUT", async (_, ids) => {
      expect(await worker.profiles(meta, ids)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
    });
  });

  describe("updateProfile", () => {
    it("changes the given fields only; updatedAt moves forward, createdAt stays", async () => {
      const before = await newUser("Ada", "Lovelace");
      const result = await worker.updateProfile(meta, before.userId, { lastName: "  King " });
      if (!result.ok) throw new Error(result.error.message);
      const after = result.value;
      expect(after).toMatchObject({ userId: before.userId, firstName: "Ada", lastName: "King", createdAt: before.createdAt });
      expect(after.updatedAt > before.updatedAt).toBe(true);
      const again = await worker.updateProfile(meta, before.userId, { firstName: "Augusta", lastName: null });
      if (!again.ok) throw new Error(again.error.message);
      expect(again.value).toMatchObject({ firstName: "Augusta", lastName: "King", createdAt: before.createdAt });
      expect(again.value.updatedAt > after.updatedAt).toBe(true);
      expect(await worker.profiles(meta, [before.userId])).toEqual({ ok: true, value: { [before.userId]: again.value } });
    });

    it("answers NOT_FOUND when the user has no profile", async () => {
      const userId = crypto.randomUUID();
      expect(await worker.updateProfile(meta, userId, { firstName: "Ada" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      expect(await rowCount("profiles", userId)).toBe(0);
    });

    it.each([
      ["an empty patch", {}, "patch"],
      ["a patch of nulls", { firstName: null, lastName: null }, "patch"],
      ["a blank name", { firstName: " " }, "patch.firstName"],
      ["a too long name", { lastName: "b".repeat(101) }, "patch.lastName"],
      ["a lone surrogate", { firstName: "\uD800" }, "patch.firstName"],
      ["a control character", { lastName: "a\u0000b" }, "patch.lastName"],
    ])("rejects %s as BAD_USER_INPUT and changes nothing", async (_, patch, field) => {
      const before = await newUser();
      const result = await worker.updateProfile(meta, before.userId, patch);
      expect(result).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field }] } });
      expect(await worker.profiles(meta, [before.userId])).toEqual({ ok: true, value: { [before.userId]: before } });
    });

    it("rejects a bad user id as BAD_USER_INPUT", async () => {
      expect(await worker.updateProfile(meta, "x", { firstName: "Ada" })).toMatchObject({
        ok: false,
        error: { code: "BAD_USER_INPUT", details: [{ field: "userId" }] },
      });
    });
  });

  describe("watchlist", () => {
    it("is empty for a user who never added a symbol", async () => {
      expect(await watchlistOf(crypto.randomUUID())).toEqual([]);
    });

    it("keeps symbols in the order added, normalized; adding again and removing twice change nothing", async () => {
      const userId = crypto.randomUUID();
      await worker.addToWatchlist(meta, userId, " msft ");
      await worker.addToWatchlist(meta, userId, "brk.b");
      expect(symbolsOf(await worker.addToWatchlist(meta, userId, "AAPL"))).toEqual(["MSFT", "BRK.B", "AAPL"]);
      expect(symbolsOf(await worker.addToWatchlist(meta, userId, "Msft"))).toEqual(["MSFT", "BRK.B", "AAPL"]);
      expect(symbolsOf(await worker.removeFromWatchlist(meta, userId, " brk.b"))).toEqual(["MSFT", "AAPL"]);
      expect(symbolsOf(await worker.removeFromWatchlist(meta, userId, "BRK.B"))).toEqual(["MSFT", "AAPL"]);
      const list = await watchlistOf(userId);
      expect(list).toEqual([
        { symbol: "MSFT", addedAt: expect.stringMatching(ISO) },
        { symbol: "AAPL", addedAt: expect.stringMatching(ISO) },
      ]);
      expect(list[0]!.addedAt <= list[1]!.addedAt).toBe(true);
    });

    it("accepts index, currency, crypto and share-class tickers", async () => {
      const userId = crypto.randomUUID();
      for (const symbol of ["^gspc", "eurusd=x", "btc-usd", "BRK-B", "0700.HK"]) await worker.addToWatchlist(meta, userId, symbol);
      expect((await watchlistOf(userId)).map((item) => item.symbol)).toEqual(["^GSPC", "EURUSD=X", "BTC-USD", "BRK-B", "0700.HK"]);
    });

    it.each([["an empty symbol", ""], ["spaces only", "   "], ["an inner space", "BRK B"], ["a bad character", "AAPL;"], ["a too long symbol", "A".repeat(21)], ["a caret inside", "A^B"], ["a non-ASCII letter", "ß"], ["a non-string", 7]])(
      "rejects %s as BAD_USER_INPUT and writes nothing",
      async (_, symbol) => {
        const userId = crypto.randomUUID();
        expect(await worker.addToWatchlist(meta, userId, symbol as string)).toMatchObject({
          ok: false,
          error: { code: "BAD_USER_INPUT", details: [{ field: "symbol" }] },
        });
        expect(await worker.removeFromWatchlist(meta, userId, symbol as string)).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });
        expect(await rowCount("watchlist_items", userId)).toBe(0);
      },
    );

    it("rejects bad user ids as BAD_USER_INPUT", async () => {
      for (const call of [worker.addToWatchlist(meta, "x", "AAPL"), worker.removeFromWatchlist(meta, "x", "AAPL")]) {
        expect(await call).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "userId" }] } });
      }
    });

    it("holds at most 100 symbols: the 101st is BAD_USER_INPUT and nothing is written", async () => {
      const userId = crypto.randomUUID();
      const symbols = Array.from({ length: 100 }, (_, i) => `S${i}`);
      for (const symbol of symbols) await worker.addToWatchlist(meta, userId, symbol);
      const full = await worker.addToWatchlist(meta, userId, "ONE.MORE");
      expect(full).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT", details: [{ field: "symbol" }] } });
      expect(await rowCount("watchlist_items", userId)).toBe(100);
      expect(symbolsOf(await worker.addToWatchlist(meta, userId, "s5"))).toEqual(symbols);
      await worker.removeFromWatchlist(meta, userId, "S0");
      expect(symbolsOf(await worker.addToWatchlist(meta, userId, "ONE.MORE"))).toEqual([...symbols.slice(1), "ONE.MORE"]);
    });
  });

  describe("overview", () => {
    it("answers the profile and the watchlist together", async () => {
      const profile = await newUser();
      await worker.addToWatchlist(meta, profile.userId, "tsla");
      const overview = await worker.overview(meta, profile.userId);
      expect(overview).toEqual({
        ok: true,
        value: { profile, watchlist: [{ symbol: "TSLA", addedAt: expect.stringMatching(ISO) }] },
      });
    });

    it("answers a null profile and an empty watchlist for a user with neither", async () => {
      expect(await worker.overview(meta, crypto.randomUUID())).toEqual({ ok: true, value: { profile: null, watchlist: [] } });
    });

    it("rejects a bad user id as BAD_USER_INPUT", async () => {
      const answer = await worker.overview(meta, "nope");
      expect(answer.ok ? "ok" : answer.error.code).toBe("BAD_USER_INPUT");
    });
  });

  describe("removeUser", () => {
    it("removes the user's profile and watchlist and nobody else's; removing again changes nothing", async () => {
      const [gone, kept] = [await newUser(), await newUser()];
      for (const user of [gone, kept]) await worker.addToWatchlist(meta, user.userId, "AAPL");
      await worker.removeUser(meta, gone.userId);
      await expect(worker.removeUser(meta, gone.userId)).resolves.toBeUndefined();
      expect(await worker.profiles(meta, [gone.userId, kept.userId])).toEqual({ ok: true, value: { [kept.userId]: kept } });
      expect(await watchlistOf(gone.userId)).toEqual([]);
      expect((await watchlistOf(kept.userId)).map((item) => item.symbol)).toEqual(["AAPL"]);
    });

    it("removes nothing for an id that is not a UUID", async () => {
      const kept = await newUser();
      await expect(worker.removeUser(meta, "' OR 1=1 --")).resolves.toBeUndefined();
      expect(await rowCount("profiles", kept.userId)).toBe(1);
    });
  });
});
