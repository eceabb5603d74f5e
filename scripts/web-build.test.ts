import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FIRST_PAGE_BUDGET_KIB, viteBuildArgs, webSize, webSizeReport } from "./web-build.ts";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A build output of `files` (name -> size in bytes of incompressible text) with Vite's manifest. */
function buildOutput(manifest: object, files: Record<string, number>): string {
  dir = mkdtempSync(join(tmpdir(), "fafnir-web-size-"));
  mkdirSync(join(dir, ".vite"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, ".vite/manifest.json"), JSON.stringify(manifest));
  for (const [file, bytes] of Object.entries(files)) {
    // Random bytes as hex: gzip can shrink them to about half, no further.
    writeFileSync(join(dir, file), randomBytes(Math.ceil(bytes / 2)).toString("hex").slice(0, bytes));
  }
  return dir;
}

const manifest = {
  "index.html": { file: "assets/index.js", isEntry: true, imports: ["_vendor.js"], dynamicImports: ["src/pages/Stock.tsx"], css: ["assets/index.css"] },
  "_vendor.js": { file: "assets/vendor.js" },
  "src/pages/Stock.tsx": { file: "assets/Stock.js", isDynamicEntry: true, imports: ["_vendor.js", "_chart.js"] },
  "_chart.js": { file: "assets/chart.js" },
};

describe("the web app's size", () => {
  it("counts the entry and its static imports as the first page, and lists lazy chunks apart", () => {
    const size = webSize(buildOutput(manifest, { "assets/index.js": 2000, "assets/vendor.js": 4000, "assets/Stock.js": 1000, "assets/chart.js": 3000, "assets/index.css": 100 }));
    expect(size.firstPage.map((f) => f.file)).toEqual(["assets/index.js", "assets/vendor.js"]);
    expect(size.lazy.map((f) => f.file)).toEqual(["assets/Stock.js", "assets/chart.js"]);
    expect(size.firstPage[1]).toMatchObject({ raw: 4000, gzip: expect.any(Number) });
    const report = webSizeReport(size);
    expect(report.over).toBe(false);
    expect(report.table).toMatch(/first page \(2 files\) .* 150 KiB ok/);
    expect(report.table).toContain("lazy Stock.js");
  });

  it("is over budget when the first page's gzip exceeds it, whatever loads later", () => {
    const over = FIRST_PAGE_BUDGET_KIB * 1024 * 2 + 4096;
    const size = webSize(buildOutput(manifest, { "assets/index.js": over, "assets/vendor.js": 10, "assets/Stock.js": 10, "assets/chart.js": 10 }));
    expect(webSizeReport(size)).toMatchObject({ over: true, table: expect.stringContaining("OVER BUDGET") });
  });
});

describe("the Vite build command", () => {
  it("names its mode, and watches only when asked", () => {
    expect(viteBuildArgs("production")).toEqual(expect.arrayContaining(["build", "-c", "web/vite.config.ts", "--mode", "production"]));
    expect(viteBuildArgs("production")).not.toContain("--watch");
    expect(viteBuildArgs("development", true)).toEqual(expect.arrayContaining(["--mode", "development", "--watch"]));
  });
});
