import { describe, expect, it } from "vitest";
import { safeNextPath, signInPathFor } from "./next-path";

describe("the path after signing in", () => {
  it("keeps a path of the app, with its query and fragment", () => {
    expect(safeNextPath("/settings")).toBe("/settings");
    expect(safeNextPath("/search?q=micro#top")).toBe("/search?q=micro#top");
    expect(safeNextPath("/stocks/AAPL")).toBe("/stocks/AAPL");
  });

  it.each([
    [null],
    [""],
    ["settings"],
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    [" /settings"],
  ])("falls back to / for %j", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("normalises dot segments without leaving the origin", () => {
    expect(safeNextPath("/a/../../settings")).toBe("/settings");
  });

  it("writes the sign-in address that comes back", () => {
    expect(signInPathFor("/settings?tab=1")).toBe("/sign-in?next=%2Fsettings%3Ftab%3D1");
    expect(signInPathFor("/")).toBe("/sign-in");
    expect(safeNextPath(new URL(signInPathFor("/settings?tab=1"), "https://x.test").searchParams.get("next"))).toBe("/settings?tab=1");
  });
});
