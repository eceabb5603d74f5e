/**
 * Stock data needs view_stocks wherever the schema reaches it: not only the Query fields but
 * also a watchlist's `stock`, through the real gateway, auth and security Workers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";
import { errorCodes, graphql, signUp, signUpAdmin, type SignedIn } from "./support/graphql-client.ts";

let platform: Platform;
let admin: SignedIn;

beforeAll(async () => {
  platform = await startPlatform();
  admin = await signUpAdmin(platform);
});
afterAll(() => platform?.stop());

/** A member with AAPL on the watchlist, then stripped of `member`; its token is refreshed so its roles are current. */
async function strippedMember(): Promise<{ token: string; userId: string }> {
  const register = await platform.fetch("/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `stripped-${crypto.randomUUID()}@example.com`, password: "a long unusual passphrase 42", firstName: "S", lastName: "M" }),
  });
  const signedUp = (await register.json()) as { user: { id: string }; accessToken: string; refreshToken: string };
  await graphql(platform, "mutation { addToWatchlist(symbol: \"AAPL\") { symbol } }", { token: signedUp.accessToken });
  const revoked = await graphql(platform, "mutation ($u: ID!) { revokeRole(userId: $u, role: \"member\") { roles } }", {
    variables: { u: signedUp.user.id },
    token: admin.token,
  });
  expect(revoked.data).toEqual({ revokeRole: { roles: [] } });
  const refreshed = await platform.fetch("/auth/refresh", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refreshToken: signedUp.refreshToken }),
  });
  const { accessToken } = (await refreshed.json()) as { accessToken: string };
  return { token: accessToken, userId: signedUp.user.id };
}

const watchlistQuery = "{ me { id roles watchlist { symbol stock { symbol quote { price } history(period: FIVE_DAYS) { close } } } } }";

describe("stock data without view_stocks", () => {
  it("a watchlist's stock is FORBIDDEN once the caller's roles no longer grant view_stocks; the rest of me answers", async () => {
    const { token, userId } = await strippedMember();
    const response = await graphql(platform, watchlistQuery, { token });
    expect(response.data).toEqual({ me: { id: userId, roles: [], watchlist: [{ symbol: "AAPL", stock: null }] } });
    expect(errorCodes(response)).toEqual({ "me.watchlist.0.stock": "FORBIDDEN" });
  });

  it("a member's watchlist still resolves its stocks", async () => {
    const user = await signUp(platform, "member");
    await graphql(platform, "mutation { addToWatchlist(symbol: \"AAPL\") { symbol } }", { token: user.token });
    const response = await graphql<{ me: { watchlist: { stock: { symbol: string; quote: { price: number } } | null }[] } }>(
      platform,
      watchlistQuery,
      { token: user.token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.me.watchlist[0]?.stock).toMatchObject({ symbol: "AAPL", quote: { price: expect.any(Number) } });
  });
});
