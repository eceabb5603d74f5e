import { describe, expect, it } from "vitest";
import { mainExport } from "../../../shared/testing/main-export";
import type StockService from "./index";

const worker = mainExport<Service<StockService>>();

const meta = { requestId: "test-request-0001" };

describe("stock service", () => {
  it("reports healthy with its migrated database and valid config", async () => {
    const report = await worker.health(meta);
    expect(report.service).toBe("stock");
    expect(report.ok).toBe(true);
    expect(Object.values(report.checks).every((check) => check.ok)).toBe(true);
  });

  it("has no HTTP surface", async () => {
    const response = await worker.fetch("http://stock.internal/anything");
    expect(response.status).toBe(404);
  });
});
