import { describe, expect, it } from "vitest";
import { REDACTED, scrub, scrubEvent } from "./event-scrubbing";

const PASSWORD = "correct horse battery staple";
const ACCESS = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl";
const REFRESH = "rt_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const COOKIE = "fafnir_access=abc123secretcookie; fafnir_csrf=csrf-4711";

describe("scrubEvent", () => {
  it("keeps no password, bearer token, refresh token, cookie or CSRF token anywhere in the event", () => {
    const event = {
      message: `login failed for Bearer ${ACCESS}`,
      request: {
        url: "https://api.fafnir.dev/auth/login",
        method: "POST",
        data: JSON.stringify({ email: "a@b.c", password: PASSWORD, refreshToken: REFRESH }),
        cookies: { fafnir_access: "abc123secretcookie" },
        headers: { authorization: `Bearer ${ACCESS}`, cookie: COOKIE, "x-csrf-token": "csrf-4711", "x-request-id": "req-00000001" },
      },
      extra: { body: { password: PASSWORD, nested: { refresh_token: REFRESH } }, note: `token ${ACCESS}` },
      breadcrumbs: [{ message: `fetch with Authorization: Bearer ${ACCESS}` }],
      tags: { service: "auth", requestId: "req-00000001" },
    };
    const sent = JSON.stringify(scrubEvent(event));
    for (const secret of [PASSWORD, ACCESS, REFRESH, "abc123secretcookie", "csrf-4711"]) expect(sent).not.toContain(secret);
    expect(sent).toContain("req-00000001");
    expect(sent).toContain("https://api.fafnir.dev/auth/login");
  });

  it("redacts secret-named fields at any depth and leaves the rest", () => {
    expect(scrub({ a: 1, apiKey: "k", deep: [{ sessionId: "s", name: "n" }] })).toEqual({
      a: 1,
      apiKey: REDACTED,
      deep: [{ sessionId: REDACTED, name: "n" }],
    });
  });
});

