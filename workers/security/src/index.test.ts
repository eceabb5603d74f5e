import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { mainExport } from "../../../shared/testing/main-export";
import type SecurityService from "./index";

const worker = mainExport<Service<SecurityService>>();

const meta = { requestId: "test-request-0001" };

describe("security service", () => {
  it("reports healthy with its migrated database and valid config", async () => {
    const report = await worker.health(meta);
    expect(report.service).toBe("security");
    expect(report.ok).toBe(true);
    expect(report.checks.database?.ok).toBe(true);
    expect(report.checks.config?.ok).toBe(true);
  });

  it("has no HTTP surface", async () => {
    const response = await worker.fetch("http://security.internal/anything");
    expect(response.status).toBe(404);
  });

  it("ships the contract's roles and permissions as migrations", async () => {
    const { results } = await env.SECURITY_DB.prepare(
      "SELECT role, group_concat(permission) AS permissions FROM (SELECT * FROM role_permissions ORDER BY permission) GROUP BY role ORDER BY role",
    ).all<{ role: string; permissions: string }>();
    expect(results).toEqual([
      { role: "admin", permissions: "manage_own_profile,manage_own_watchlist,manage_roles,view_stocks,view_users" },
      { role: "member", permissions: "manage_own_profile,manage_own_watchlist,view_stocks" },
    ]);
  });
});
