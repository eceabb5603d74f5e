import { describe, expect, it } from "vitest";
import { readyBanner } from "./dev-banner.ts";
import { SEED_ACCOUNTS } from "./seed.ts";

describe("readyBanner", () => {
  it("names the session's own URLs and every seed account with its password and roles", () => {
    const lines = readyBanner("http://localhost:8788", SEED_ACCOUNTS).split("\n");
    expect(lines).toContain("  web app     http://localhost:8788/");
    expect(lines).toContain("  GraphiQL    http://localhost:8788/graphql");
    expect(lines).toContain("  auth API    http://localhost:8788/auth/");
    expect(lines).toContain("  accounts    admin@fafnir.dev   fafnir-dev-admin   admin");
    expect(lines).toContain("              member@fafnir.dev  fafnir-dev-member  member");
  });
});
