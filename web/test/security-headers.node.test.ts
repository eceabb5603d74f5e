import { describe, expect, it } from "vitest";
import { appHeaders } from "../../workers/gateway/src/security-headers.ts";
import { headersFile } from "../security-headers.ts";

/** `_headers` parsed back: path -> header -> value. */
function parse(file: string): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  let current: Record<string, string> = {};
  for (const line of file.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!line.startsWith(" ")) rules[line] = current = {};
    else {
      const [name, ...value] = line.trim().split(": ");
      current[name!] = value.join(": ");
    }
  }
  return rules;
}

describe("the assets' _headers file", () => {
  it("gives every path the app's header set, HSTS in a production build only", () => {
    expect(parse(headersFile("production"))["/*"]).toEqual(appHeaders(true));
    expect(parse(headersFile("production"))["/*"]!["Strict-Transport-Security"]).toMatch(/^max-age=/);
    expect(parse(headersFile("development"))["/*"]).toEqual(appHeaders(false));
    expect(parse(headersFile("development"))["/*"]!["Strict-Transport-Security"]).toBeUndefined();
  });

  it("marks Vite's content-hashed files immutable", () => {
    expect(parse(headersFile("development"))["/assets/*"]).toEqual({ "Cache-Control": "public, max-age=31536000, immutable" });
  });

  it("holds a CSP without unsafe-inline, framing refused", () => {
    const csp = parse(headersFile("production"))["/*"]!["Content-Security-Policy"]!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
  });
});
