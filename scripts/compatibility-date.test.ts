import { describe, expect, it } from "vitest";
import { COMPATIBILITY_DATE, withCompatibilityDate } from "./compatibility-date.ts";

describe("withCompatibilityDate", () => {
  it("sets the compatibility_date line and leaves the rest", () => {
    const config = 'name = "x"\ncompatibility_date = "2020-01-01"\n# compatibility_date = "keep"\n';
    expect(withCompatibilityDate(config, "x.toml")).toBe(`name = "x"\ncompatibility_date = "${COMPATIBILITY_DATE}"\n# compatibility_date = "keep"\n`);
  });

  it("refuses a config without one, which wrangler would run on its own default date", () => {
    expect(() => withCompatibilityDate('name = "x"\n', "x.toml")).toThrow('x.toml: expected a line compatibility_date = "YYYY-MM-DD"');
  });
});
