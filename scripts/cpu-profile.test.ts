/** scripts/cpu-profile.ts's reading of a profile: names and modules through a minified bundle's source map. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { type CpuProfile, FrameResolver, moduleOf, NATIVE, packageOf, summarize } from "./cpu-profile.ts";

const scratch = mkdtempSync(join(tmpdir(), "fafnir-cpu-profile-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("moduleOf", () => {
  it("names packages, scoped ones whole, and the repository's folders", () => {
    expect(packageOf("../../node_modules/@sentry/core/src/client.ts")).toBe("@sentry/core");
    expect(moduleOf("../../node_modules/graphql/execution/execute.mjs")).toBe("graphql");
    expect(moduleOf("../../node_modules/a/node_modules/b/index.js")).toBe("b");
    expect(moduleOf("../../workers/gateway/src/hardening/rate-limit.ts")).toBe("gateway/hardening");
    expect(moduleOf("../../workers/gateway/src/index.ts")).toBe("gateway/index");
    expect(moduleOf("../../shared/logger.ts")).toBe("shared/logger");
    expect(moduleOf("node_modules/src/sql/sql.ts")).toBe("drizzle-orm");
  });
});

describe("summarize", () => {
  // A minified bundle of two "packages": V8 would name its functions after their minified bindings.
  const src = join(scratch, "src");
  mkdirSync(join(src, "node_modules/lib"), { recursive: true });
  writeFileSync(join(src, "node_modules/lib/index.js"), "export function verifySignature(token) { return crypto.subtle.digest('SHA-256', token); }\n");
  writeFileSync(join(src, "entry.js"), "import { verifySignature } from 'lib';\nexport function handleRequest(t) { return verifySignature(t); }\n");
  const out = join(scratch, "out");
  buildSync({ entryPoints: [join(src, "entry.js")], bundle: true, minify: true, format: "esm", sourcemap: true, outfile: join(out, "index.js"), absWorkingDir: src });
  const js = readFileSync(join(out, "index.js"), "utf8");
  const minified = (original: string) => {
    const [, name] = new RegExp(`function ([\\w$]+)\\(([\\w$]+)\\)\\{return ${original === "verifySignature" ? "crypto" : "[\\w$]+\\("}`).exec(js)!;
    const column = js.indexOf(`function ${name}(`);
    return { functionName: name!, url: "index.js", lineNumber: 0, columnNumber: column + `function ${name}`.length, scriptId: "1" };
  };
  const node = (id: number, callFrame: CpuProfile["nodes"][number]["callFrame"], children: number[] = []) => ({ id, callFrame, children });
  const meta = (functionName: string) => ({ functionName, url: "", lineNumber: -1, columnNumber: -1, scriptId: "0" });
  const profile: CpuProfile = {
    nodes: [
      node(1, meta("(root)"), [2, 5, 6]),
      node(2, minified("handleRequest"), [3]),
      node(3, minified("verifySignature"), [4]),
      node(4, { ...meta("digest"), lineNumber: 0, columnNumber: 0 }),
      node(5, meta("(idle)")),
      node(6, meta("(garbage collector)")),
    ],
    startTime: 0,
    endTime: 1_000,
    samples: [2, 3, 4, 4, 4, 4, 5, 5, 6, 6],
    timeDeltas: Array<number>(10).fill(100),
  };
  const summary = summarize(profile, new FrameResolver(out), 100);

  it("counts samples times the interval, idle apart", () => {
    expect(summary).toMatchObject({ samples: 10, sampledMs: 1, spanMs: 1, unmapped: [] });
    expect(summary.busyMs).toBeCloseTo(0.8);
  });

  it("gives functions their source names and places", () => {
    const named = Object.fromEntries(summary.functions.map((f) => [f.name, f]));
    expect(named.handleRequest).toMatchObject({ where: expect.stringMatching(/fafnir-cpu-profile-test-\w+\/src\/entry.js:2$/) });
    expect(named.verifySignature).toMatchObject({ where: "lib/…/index.js:1", module: "lib" });
    expect(named.digest).toMatchObject({ module: NATIVE });
    expect(named.digest!.selfMs).toBeCloseTo(0.4);
  });

  it("charges native time to its nearest JavaScript caller's module in +native", () => {
    const mod = Object.fromEntries(summary.modules.map((m) => [m.module, m]));
    expect(mod.lib!.selfMs).toBeCloseTo(0.1);
    expect(mod.lib!.withNativeMs).toBeCloseTo(0.5);
    expect(mod[NATIVE]!.withNativeMs).toBe(0);
    expect(mod["(garbage collector)"]!.selfMs).toBeCloseTo(0.2);
  });

  it("without a source map, keeps the bundle's names and says so", () => {
    const bare = summarize(profile, new FrameResolver(scratch), 100);
    expect(bare.unmapped).toEqual(["index.js"]);
    expect(bare.modules.map((m) => m.module)).toContain("index.js");
  });
});
