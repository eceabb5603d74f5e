/**
 * Every field and mutation of the contract through the real gateway and the real internal
 * Workers, as a signed-out caller, a member and an admin: data, nullability and codes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { errorCodes, graphql, signUp, signUpAdmin, type SignedIn } from "./support/graphql-client.ts";

let platform: Platform;
let member: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  platform = await startPlatform();
  member = await signUp(platform, "member");
  admin = await signUpAdmin(platform);
});
afterAll(() => platform?.stop());

const code = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

describe("public fields", () => {
  it("health answers ok for every service", async () => {
    const { data } = await graphql<{ health: { status: string } }>(platform, "{ health { status } }");
    expect(data?.health.status).toBe("ok");
  });

  it("me is null without a valid token, and a bad token is no token", async () => {
    expect((await graphql(platform, "{ me { id } }")).data).toEqual({ me: null });
    expect((await graphql(platform, "{ me { id } }", { token: "not-a-token" })).data).toEqual({ me: null });
  });

  it("hasPermission is false when signed out and for unknown permissions", async () => {
    const query = "query ($p: String!) { hasPermission(permission: $p) }";
    expect((await graphql(platform, query, { variables: { p: "view_stocks" } })).data).toEqual({ hasPermission: false });
    const asMember = (p: string) => graphql(platform, query, { variables: { p }, token: member.token });
    expect((await asMember("view_stocks")).data).toEqual({ hasPermission: true });
    expect((await asMember("manage_roles")).data).toEqual({ hasPermission: false });
    expect((await asMember("no_such_permission")).data).toEqual({ hasPermission: false });
  });
});

describe("me", () => {
  it("is the caller with profile, roles, permissions and watchlist", async () => {
    const { data, errors } = await graphql<{ me: Record<string, unknown> }>(
      platform,
      "{ me { id email profile { firstName lastName createdAt updatedAt } roles permissions watchlist { symbol } } }",
      { token: member.token },
    );
    expect(errors).toBeUndefined();
    expect(data?.me).toEqual({
      id: member.userId,
      email: member.email,
      profile: { firstName: "Test", lastName: "member", createdAt: expect.any(String), updatedAt: expect.any(String) },
      roles: ["member"],
      permissions: ["manage_own_profile", "manage_own_watchlist", "trade", "view_stocks"],
      watchlist: [],
    });
  });
});

describe("stocks", () => {
  const stockQuery = `query ($s: String!) { stock(symbol: $s) {
    symbol name exchange exchangeFullName currency instrumentType
    quote { price open previousClose change changePercent volume marketCap dayLow dayHigh yearLow yearHigh source asOf marketState stale }
    history(period: FIVE_DAYS) { date open high low close volume change changePercent } } }`;

  it("needs a signed-in caller", async () => {
    const response = await graphql(platform, stockQuery, { variables: { s: "AAPL" } });
    expect(response.data).toEqual({ stock: null });
    expect(errorCodes(response)).toEqual({ stock: "UNAUTHENTICATED" });
  });

  it("answers one instrument with quote and history, case-insensitively", async () => {
    interface StockData {
      quote: { price: number; previousClose: number; change: number; source: string; asOf: string };
      history: { date: string }[];
    }
    const { data, errors } = await graphql<{ stock: StockData }>(platform, stockQuery, {
      variables: { s: " aapl " },
      token: member.token,
    });
    expect(errors).toBeUndefined();
    const stock = data!.stock;
    expect(stock).toMatchObject({ symbol: "AAPL", name: "Apple Inc.", exchange: "NASDAQ", currency: "USD", instrumentType: "EQUITY" });
    expect(stock.quote.source).toBe("simulated");
    expect(stock.quote.change).toBeCloseTo(stock.quote.price - stock.quote.previousClose, 6);
    expect(stock.quote.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(stock.history).toHaveLength(5);
    const dates = stock.history.map((bar) => bar.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it("answers null for an unknown symbol and BAD_USER_INPUT for a malformed one", async () => {
    const unknown = await graphql(platform, "{ stock(symbol: \"ZZZZZZ\") { symbol } }", { token: member.token });
    expect(unknown.data).toEqual({ stock: null });
    expect(unknown.errors).toBeUndefined();
    const malformed = await graphql(platform, "{ stock(symbol: \"not a symbol!\") { symbol } }", { token: member.token });
    expect(code(malformed)).toBe("BAD_USER_INPUT");
  });

  it("stocks keeps the order asked, with null for unknown symbols, and takes 1 to 50", async () => {
    const { data } = await graphql<{ stocks: ({ symbol: string } | null)[] }>(
      platform,
      "{ stocks(symbols: [\"msft\", \"ZZZZZZ\", \"SPY\"]) { symbol } }",
      { token: member.token },
    );
    expect(data?.stocks).toEqual([{ symbol: "MSFT" }, null, { symbol: "SPY" }]);
    const tooMany = JSON.stringify(Array(51).fill("AAPL"));
    expect(code(await graphql(platform, `{ stocks(symbols: ${tooMany}) { symbol } }`, { token: member.token }))).toBe("BAD_USER_INPUT");
    expect(code(await graphql(platform, "{ stocks(symbols: []) { symbol } }", { token: member.token }))).toBe("BAD_USER_INPUT");
  });

  it("searchStocks ranks the exact symbol first and checks its arguments", async () => {
    const { data } = await graphql<{ searchStocks: { symbol: string }[] }>(
      platform,
      "{ searchStocks(query: \"goog\", limit: 5) { symbol name exchange instrumentType } }",
      { token: member.token },
    );
    expect(data?.searchStocks[0]?.symbol).toBe("GOOG");
    expect(code(await graphql(platform, "{ searchStocks(query: \"  \") { symbol } }", { token: member.token }))).toBe("BAD_USER_INPUT");
    expect(code(await graphql(platform, "{ searchStocks(query: \"a\", limit: 26) { symbol } }", { token: member.token }))).toBe(
      "BAD_USER_INPUT",
    );
  });
});

describe("own profile and watchlist", () => {
  it("updateProfile changes the caller's names and needs at least one", async () => {
    const mutation = "mutation ($i: UpdateProfileInput!) { updateProfile(input: $i) { firstName lastName } }";
    const updated = await graphql(platform, mutation, { variables: { i: { firstName: "  Ada " } }, token: member.token });
    expect(updated.data).toEqual({ updateProfile: { firstName: "Ada", lastName: "member" } });
    expect(code(await graphql(platform, mutation, { variables: { i: {} }, token: member.token }))).toBe("BAD_USER_INPUT");
    expect(code(await graphql(platform, mutation, { variables: { i: { lastName: "x".repeat(101) } }, token: member.token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(code(await graphql(platform, mutation, { variables: { i: { firstName: "Eve" } } }))).toBe("UNAUTHENTICATED");
  });

  it("adds and removes watchlist symbols idempotently, refusing unknown ones", async () => {
    const add = (s: string) =>
      graphql<{ addToWatchlist: { symbol: string; stock: { name: string } | null }[] }>(
        platform,
        "mutation ($s: String!) { addToWatchlist(symbol: $s) { symbol addedAt stock { name } } }",
        { variables: { s }, token: member.token },
      );
    await add("nvda");
    const twice = await add("NVDA");
    expect(twice.data?.addToWatchlist).toEqual([{ symbol: "NVDA", addedAt: expect.any(String), stock: { name: "NVIDIA Corporation" } }]);
    expect(code(await add("ZZZZZZ"))).toBe("BAD_USER_INPUT");
    const remove = "mutation ($s: String!) { removeFromWatchlist(symbol: $s) { symbol } }";
    expect((await graphql(platform, remove, { variables: { s: "NVDA" }, token: member.token })).data).toEqual({ removeFromWatchlist: [] });
    expect((await graphql(platform, remove, { variables: { s: "NVDA" }, token: member.token })).data).toEqual({ removeFromWatchlist: [] });
  });
});

describe("users and roles (admins)", () => {
  it("user and users are FORBIDDEN to members and UNAUTHENTICATED when signed out", async () => {
    const query = `query ($id: ID!) { user(id: $id) { id } }`;
    expect(code(await graphql(platform, query, { variables: { id: admin.userId }, token: member.token }))).toBe("FORBIDDEN");
    expect(code(await graphql(platform, query, { variables: { id: admin.userId } }))).toBe("UNAUTHENTICATED");
    expect(code(await graphql(platform, "{ users { edges { cursor } } }", { token: member.token }))).toBe("FORBIDDEN");
    expect(code(await graphql(platform, "{ roles { name } }", { token: member.token }))).toBe("FORBIDDEN");
  });

  it("user answers any user, and null for an unknown id", async () => {
    const query = `query ($id: ID!) { user(id: $id) { id email profile { firstName } roles createdAt } }`;
    const { data } = await graphql(platform, query, { variables: { id: member.userId }, token: admin.token });
    expect(data).toEqual({
      user: { id: member.userId, email: member.email, profile: { firstName: expect.any(String) }, roles: ["member"], createdAt: expect.any(String) },
    });
    const unknown = await graphql(platform, query, { variables: { id: crypto.randomUUID() }, token: admin.token });
    expect(unknown.data).toEqual({ user: null });
  });

  it("users pages newest first with cursors", async () => {
    const page = (after?: string) =>
      graphql<{ users: { edges: { cursor: string; node: { id: string; createdAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
        platform,
        "query ($after: String) { users(first: 1, after: $after) { edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor } } }",
        { variables: { after }, token: admin.token },
      );
    const first = (await page()).data!.users;
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pageInfo.endCursor).toBe(first.edges[0]!.cursor);
    const second = (await page(first.pageInfo.endCursor!)).data!.users;
    expect(second.edges[0]!.node.id).not.toBe(first.edges[0]!.node.id);
    expect(second.edges[0]!.node.createdAt <= first.edges[0]!.node.createdAt).toBe(true);
    expect(code(await graphql(platform, "{ users(first: 101) { edges { cursor } } }", { token: admin.token }))).toBe("BAD_USER_INPUT");
  });

  it("roles lists every role with its permissions", async () => {
    const { data } = await graphql<{ roles: { name: string; permissions: string[] }[] }>(
      platform,
      "{ roles { name description permissions } }",
      { token: admin.token },
    );
    expect(data?.roles.map((r) => r.name)).toEqual(["admin", "member"]);
  });

  it("assignRole and revokeRole are idempotent, know no strangers, and keep the last admin", async () => {
    const assign = "mutation ($u: ID!, $r: String!) { assignRole(userId: $u, role: $r) { id roles } }";
    const revoke = "mutation ($u: ID!, $r: String!) { revokeRole(userId: $u, role: $r) { id roles } }";
    const target = await signUp(platform, "target");
    const as = (query: string, r: string, u = target.userId) => graphql(platform, query, { variables: { u, r }, token: admin.token });
    expect((await as(assign, "admin")).data).toEqual({ assignRole: { id: target.userId, roles: ["admin", "member"] } });
    expect((await as(assign, "admin")).data).toEqual({ assignRole: { id: target.userId, roles: ["admin", "member"] } });
    expect((await as(revoke, "admin")).data).toEqual({ revokeRole: { id: target.userId, roles: ["member"] } });
    expect((await as(revoke, "admin")).data).toEqual({ revokeRole: { id: target.userId, roles: ["member"] } });
    expect(code(await as(assign, "admin", crypto.randomUUID()))).toBe("NOT_FOUND");
    // The caller is now the only admin of this platform.
    expect(code(await as(revoke, "admin", admin.userId))).toBe("BAD_USER_INPUT");
    expect(code(await graphql(platform, assign, { variables: { u: target.userId, r: "admin" }, token: member.token }))).toBe("FORBIDDEN");
  });
});

describe("how the gateway knows the caller", () => {
  const signInWithCookies = async (user: SignedIn) => {
    const response = await platform.fetch("/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: user.email, password: "a long unusual passphrase 42" }),
    });
    const jar = Object.fromEntries(response.headers.getSetCookie().map((line) => line.split(";")[0]!.split("=") as [string, string]));
    return { cookie: `fafnir_access=${jar.fafnir_access}; fafnir_csrf=${jar.fafnir_csrf}`, csrf: jar.fafnir_csrf! };
  };
  const post = (headers: Record<string, string>) =>
    platform.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: "{ me { id } }" }),
    });

  it("a cookie-signed POST needs X-CSRF-Token equal to the fafnir_csrf cookie", async () => {
    const { cookie, csrf } = await signInWithCookies(member);
    const refused = await post({ cookie });
    expect(refused.status).toBe(403);
    expect(code((await refused.json()) as { errors?: { extensions?: { code?: string } }[] })).toBe("FORBIDDEN");
    expect(code((await (await post({ cookie, "x-csrf-token": "forged" })).json()) as { errors?: { extensions?: { code?: string } }[] })).toBe(
      "FORBIDDEN",
    );
    expect(await (await post({ cookie, "x-csrf-token": csrf })).json()).toEqual({ data: { me: { id: member.userId } } });
  });

  it("a cookie-signed GET query needs no CSRF header", async () => {
    const { cookie } = await signInWithCookies(member);
    const response = await platform.fetch(`/graphql?query=${encodeURIComponent("{ me { id } }")}`, { headers: { cookie } });
    expect(await response.json()).toEqual({ data: { me: { id: member.userId } } });
  });

  it("refuses the access token of a session that logged out, at once", async () => {
    const user = await signUp(platform, "leaving");
    expect((await graphql(platform, "{ me { id } }", { token: user.token })).data).toEqual({ me: { id: user.userId } });
    const logout = await platform.fetch("/auth/logout", { method: "POST", headers: { authorization: `Bearer ${user.token}` } });
    expect(logout.status).toBe(204);
    expect((await graphql(platform, "{ me { id } }", { token: user.token })).data).toEqual({ me: null });
    expect(code(await graphql(platform, "{ stock(symbol: \"AAPL\") { symbol } }", { token: user.token }))).toBe("UNAUTHENTICATED");
  });
});
