import { describe, expect, it } from "vitest";
import { RATE_LIMIT_PERIOD_SECONDS } from "./rate-limit-periods.generated";
import { ask, getGraphQL, type GraphQLBody } from "./testing";

// wrangler.toml [[ratelimits]]: RATE_LIMIT_BY_IP 100, RATE_LIMIT_BY_USER 50 per 10 s.
const IP_LIMIT = 100;
const USER_LIMIT = 50;
// Off by default under ENVIRONMENT=test, which the test projects run with.
const limited = { RATE_LIMITS: "true" };

/**
 * Sends until refused. The local limiter counts in fixed windows; one may end mid-test and
 * start the count over, so the refusal comes within two windows' worth of requests.
 */
async function untilRefused(limit: number, send: () => Promise<{ response: Response; body: GraphQLBody }>) {
  let accepted = 0;
  for (;;) {
    const answer = await send();
    if (answer.response.status === 429) return { accepted, ...answer };
    expect(answer.response.status).toBe(200);
    if (++accepted > 2 * limit) throw new Error(`never refused after ${accepted} requests`);
  }
}

const refusedBy = (limiter: keyof typeof RATE_LIMIT_PERIOD_SECONDS) => ({
  errors: [
    {
      message: `Too many requests: try again in ${RATE_LIMIT_PERIOD_SECONDS[limiter]} seconds.`,
      extensions: { code: "RATE_LIMITED", retryAfter: RATE_LIMIT_PERIOD_SECONDS[limiter] },
    },
  ],
});

describe("rate limits", () => {
  it("limits each client address, with Retry-After", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const refused = await untilRefused(IP_LIMIT, () =>
      ask(getGraphQL({ query: "{ __typename }" }, { "cf-connecting-ip": address }), limited),
    );
    expect(refused.accepted).toBeGreaterThanOrEqual(IP_LIMIT);
    expect(refused.response.headers.get("retry-after")).toBe(String(RATE_LIMIT_PERIOD_SECONDS.RATE_LIMIT_BY_IP));
    expect(refused.body).toEqual(refusedBy("RATE_LIMIT_BY_IP"));
  });

  it("counts every spelling of an address, and every address of its IPv6 /64, as one client", async () => {
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:7`;
    // Interface ids of all kinds, an embedded dotted quad included: a different one each time.
    const quad = (first: number, n: number) => `${first}.0.${(n >> 8) & 255}.${n & 255}`;
    const spellings = (n: number) => [
      `${prefix}::${n.toString(16)}`,
      `${prefix}::${quad(7, n)}`,
      `${prefix.toUpperCase()}:0:0:${quad(8, n)}`,
      `${prefix.split(":").map((g) => g.padStart(4, "0")).join(":")}:00:ffff:${quad(9, n)}`,
    ];
    let n = 0;
    const refused = await untilRefused(IP_LIMIT, () => {
      const address = spellings(n)[n++ % 4]!;
      return ask(getGraphQL({ query: "{ __typename }" }, { "cf-connecting-ip": address }), limited);
    });
    expect(refused.accepted).toBeGreaterThanOrEqual(IP_LIMIT);
    expect(refused.body).toEqual(refusedBy("RATE_LIMIT_BY_IP"));
  });

  it("counts headers that are no address under one key, and answers them without failing", async () => {
    let n = 0;
    const refused = await untilRefused(IP_LIMIT, () => {
      const garbage = [`a:${n}`, `1:2:3:4:5:6:7:8:${n}::`, `bogus-${n}`, `1.2.3.4.${n}`][n++ % 4]!;
      return ask(getGraphQL({ query: "{ __typename }" }, { "cf-connecting-ip": garbage }), limited);
    });
    expect(refused.accepted).toBeGreaterThanOrEqual(IP_LIMIT);
    expect(refused.body).toEqual(refusedBy("RATE_LIMIT_BY_IP"));
  });

  it("limits each signed-in user, whatever their address", async () => {
    const viewer = { userId: `user-${crypto.randomUUID()}`, sessionId: "session", expiresAt: Date.now() / 1000 + 900 };
    let n = 0;
    const refused = await untilRefused(USER_LIMIT, () =>
      ask(getGraphQL({ query: "{ __typename }" }, { "cf-connecting-ip": `192.0.2.${n++ % 250}` }), limited, { viewer }),
    );
    expect(refused.accepted).toBeGreaterThanOrEqual(USER_LIMIT);
    expect(refused.response.headers.get("retry-after")).toBe(String(RATE_LIMIT_PERIOD_SECONDS.RATE_LIMIT_BY_USER));
    expect(refused.body).toEqual(refusedBy("RATE_LIMIT_BY_USER"));
    const other = await ask(getGraphQL({ query: "{ __typename }" }), limited, { viewer: { userId: "someone-else", sessionId: "session", expiresAt: Date.now() / 1000 + 900 } });
    expect(other.response.status).toBe(200);
  });

  it("are off under ENVIRONMENT=test unless RATE_LIMITS=true", async () => {
    const address = "198.51.100.251";
    const viewer = { userId: `user-${crypto.randomUUID()}`, sessionId: "session", expiresAt: Date.now() / 1000 + 900 };
    const request = () => getGraphQL({ query: "{ __typename }" }, { "cf-connecting-ip": address });
    for (let i = 0; i <= IP_LIMIT; i++) {
      const { response } = await ask(request(), {}, { viewer });
      expect(response.status).toBe(200);
    }
  });
});
