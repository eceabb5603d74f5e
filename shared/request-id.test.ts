import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-id";

describe("requestIdFrom", () => {
  it("keeps a well-formed id from the caller", () => {
    expect(requestIdFrom(new Headers({ "x-request-id": "abc-1234_5678" }))).toBe("abc-1234_5678");
  });

  it.each([["short"], ["has spaces in it"], ["x".repeat(129)], ["<script>alert(1)</script>"]])(
    "replaces %j with a fresh id",
    (given) => {
      const id = requestIdFrom(new Headers({ "x-request-id": given }));
      expect(id).not.toBe(given);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    },
  );
});
