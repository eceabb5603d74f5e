import { describe, expect, it } from "vitest";
import { jwksFromAuth } from "./jwks";

/** The auth binding's JWKS route as the gateway sees it, counting requests. */
function jwksRoute(keys: { kid: string }[]) {
  const route = {
    requests: 0,
    keys,
    fetch: async () => {
      route.requests += 1;
      return Response.json({ keys: route.keys });
    },
  };
  return route;
}

describe("jwksFromAuth", () => {
  it("fetches once, then at most every 30 s however often it is asked", async () => {
    const route = jwksRoute([{ kid: "a" }]);
    let now = 0;
    const keys = jwksFromAuth(route as unknown as Fetcher, () => now);
    await Promise.all([keys(), keys(), keys()]);
    expect(route.requests).toBe(1);
    now = 29_999;
    await keys();
    expect(route.requests).toBe(1);
    route.keys = [{ kid: "a" }, { kid: "b" }];
    now = 30_000;
    expect((await keys()).map((k) => k.kid)).toEqual(["a", "b"]);
    expect(route.requests).toBe(2);
  });
});
