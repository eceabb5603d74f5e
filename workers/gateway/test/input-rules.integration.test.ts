/**
 * One rule per kind of input, whatever the entry point, through the real gateway, auth and
 * services: ticker symbols (shared/symbols.ts) and people's names (shared/names.ts).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { errorCodes, graphql, signUp, type SignedIn } from "./support/graphql-client.ts";

let platform: Platform;
let member: SignedIn;

beforeAll(async () => {
  platform = await startPlatform();
  member = await signUp(platform, "member");
});
afterAll(() => platform?.stop());

const argumentOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.argument;

describe("a malformed symbol fails its own field, never the batch it would have joined", () => {
  it("stock: the good alias answers data, the bad one BAD_USER_INPUT naming the argument", async () => {
    const response = await graphql(platform, '{ a: stock(symbol: "AAPL") { symbol quote { price } } b: stock(symbol: ".") { symbol quote { price } } }', {
      token: member.token,
    });
    expect(response.data).toEqual({ a: { symbol: "AAPL", quote: { price: expect.any(Number) } }, b: null });
    expect(errorCodes(response)).toEqual({ b: "BAD_USER_INPUT" });
    expect(argumentOf(response)).toBe("symbol");
  });

  it("stocks: a malformed entry is its own error, the entries beside it and the stock asked beside it answer", async () => {
    const response = await graphql(platform, '{ a: stock(symbol: "MSFT") { symbol } s: stocks(symbols: ["AAPL", "-", "ZZZZZZ"]) { symbol } }', {
      token: member.token,
    });
    expect(response.data).toEqual({ a: { symbol: "MSFT" }, s: [{ symbol: "AAPL" }, null, null] });
    expect(errorCodes(response)).toEqual({ "s.1": "BAD_USER_INPUT" });
    expect(argumentOf(response)).toBe("symbols");
  });

  it("addToWatchlist: the good symbol is added, the malformed one refused naming the argument", async () => {
    const user = await signUp(platform, "watcher");
    const mutation = 'mutation { a: addToWatchlist(symbol: "tsla") { symbol } b: addToWatchlist(symbol: ".") { symbol } }';
    const response = await graphql(platform, mutation, { token: user.token });
    expect(errorCodes(response)).toEqual({ b: "BAD_USER_INPUT" });
    expect(argumentOf(response)).toBe("symbol");
    const after = await graphql(platform, "{ me { watchlist { symbol } } }", { token: user.token });
    expect(after.data).toEqual({ me: { watchlist: [{ symbol: "TSLA" }] } });
  });

  it("removeFromWatchlist takes the same rule (\"ß\" upper-cases to \"SS\" but is no symbol)", async () => {
    const response = await graphql(platform, 'mutation { removeFromWatchlist(symbol: "ß") { symbol } }', { token: member.token });
    expect(errorCodes(response)).toEqual({ removeFromWatchlist: "BAD_USER_INPUT" });
    expect(argumentOf(response)).toBe("symbol");
  });
});

const UPDATE_FIRST_NAME = "mutation ($n: String!) { updateProfile(input: { firstName: $n }) { firstName } }";

async function register(firstName: string) {
  return platform.fetch("/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `names-${crypto.randomUUID()}@example.com`, password: "a long unusual passphrase 42", firstName, lastName: "Names" }),
  });
}

async function storedFirstName(token: string): Promise<unknown> {
  const { data } = await graphql<{ me: { profile: { firstName: string } } }>(platform, "{ me { profile { firstName } } }", { token });
  return data?.me.profile.firstName;
}

describe("names: the register rule is the updateProfile rule", () => {
  it("60 emoji are 60 characters at register and in updateProfile", async () => {
    const name = "😀".repeat(60);
    expect((await register(name)).status).toBe(201);
    const updated = await graphql(platform, UPDATE_FIRST_NAME, { variables: { n: name }, token: member.token });
    expect(updated.errors).toBeUndefined();
    expect(updated.data).toEqual({ updateProfile: { firstName: name } });
  });

  it("a lone surrogate is refused (400 BAD_REQUEST / BAD_USER_INPUT), never stored as U+FFFD", async () => {
    const registered = await register("Ada\uD800");
    expect(registered.status).toBe(400);
    expect(await registered.json()).toMatchObject({ error: { code: "BAD_REQUEST", details: [{ field: "firstName" }] } });
    const updated = await graphql(platform, UPDATE_FIRST_NAME, { variables: { n: "Ada\uD800" }, token: member.token });
    expect(errorCodes(updated)).toEqual({ updateProfile: "BAD_USER_INPUT" });
    expect(argumentOf(updated)).toBe("input.firstName");
    expect(await storedFirstName(member.token)).not.toContain("\uFFFD");
  });

  // Emoji, ZWJ sequences, combining marks, controls, lone surrogates and whitespace, mixed,
  // and runs of two-unit graphemes around the 100-character limit.
  const piece = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 3 }),
    fc.constantFrom("👨‍👩‍👧‍👦", "e\u0301", " ", "\t", "\u0000", "\u007f", "\u0085", "\uD800", "\uDC00", "\u200D", "a"),
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  );
  const anyName = fc.oneof(
    fc.array(piece, { maxLength: 120 }).map((pieces) => pieces.join("")),
    fc.tuple(fc.integer({ min: 40, max: 105 }), fc.constantFrom("😀", "👨‍👩‍👧‍👦", "e\u0301", "x"), fc.constantFrom("", " ", "\u0000")).map(
      ([count, grapheme, around]) => around + grapheme.repeat(count) + around,
    ),
  );

  it("register and updateProfile accept the same names, and store them trimmed, unaltered", async () => {
    await fc.assert(
      fc.asyncProperty(anyName, async (name) => {
        const registered = await register(name);
        const updated = await graphql<{ updateProfile: { firstName: string } }>(platform, UPDATE_FIRST_NAME, {
          variables: { n: name },
          token: member.token,
        });
        expect([201, 400]).toContain(registered.status);
        expect(registered.status === 201, "register and updateProfile agree").toBe(updated.errors === undefined);
        if (registered.status !== 201) return;
        const { accessToken } = (await registered.json()) as { accessToken: string };
        expect(await storedFirstName(accessToken)).toBe(name.trim());
        expect(updated.data?.updateProfile.firstName).toBe(name.trim());
      }),
      { numRuns: 40 },
    );
  });
});
