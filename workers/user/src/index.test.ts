import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const meta = { requestId: "test-request-0001" };

describe("user service", () => {
  it("reports healthy with its migrated database and valid config", async () => {
    const report = await exports.default.health(meta);
    expect(report.service).toBe("user");
    expect(report.ok).toBe(true);
    expect(Object.values(report.checks).every((check) => check.ok)).toBe(true);
  });

  it("has no HTTP surface", async () => {
    const response = await exports.default.fetch("http://user.internal/anything");
    expect(response.status).toBe(404);
  });
});
