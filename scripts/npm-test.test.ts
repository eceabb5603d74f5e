import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const steps = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts["test"]!.split(" && ");
const at = (step: string) => {
  expect(steps, step).toContain(step);
  return steps.indexOf(step);
};

describe("npm test", () => {
  it("checks the generated web documents before typechecking code that imports them", () => {
    expect(at("npm run codegen:web:check")).toBeLessThan(at("npm run typecheck"));
  });

  it("builds the web app (npm run build) before the tests that serve it", () => {
    expect(at("npm run build")).toBeLessThan(at("vitest run"));
  });
});
