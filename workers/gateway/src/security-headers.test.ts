import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { GatewayConfig } from "./config";
import { appHeaders, dataHeaders, graphiqlHeaders, inlineScriptHashes, securityHeaders } from "./security-headers";
import { renderGraphiQLPage } from "./graphql/graphiql-page";

const csp = (headers: Readonly<Record<string, string>>) => headers["Content-Security-Policy"]!;
const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src "));

describe("security header sets", () => {
  it("every set forbids framing and sniffing and sends a referrer's origin only", () => {
    for (const headers of [appHeaders(false), dataHeaders(false), graphiqlHeaders(["x"], false)]) {
      expect(csp(headers)).toContain("frame-ancestors 'none'");
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    }
  });

  it("sends HSTS in production only", () => {
    for (const set of [appHeaders, dataHeaders, (p: boolean) => graphiqlHeaders([], p)]) {
      expect(set(true)["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
      expect(set(false)["Strict-Transport-Security"]).toBeUndefined();
    }
  });

  it("lets the app load from its own origin only, no inline script or style", () => {
    const policy = csp(appHeaders(true));
    expect(scriptSrc(policy)).toBe("script-src 'self'");
    expect(policy).not.toContain("unsafe");
    expect(policy).not.toMatch(/https?:|data:|blob:/);
  });

  it("lets JSON answers load nothing", () => {
    expect(csp(dataHeaders(false))).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("allows GraphiQL's inline scripts by hash, never 'unsafe-inline' scripts", () => {
    const policy = csp(graphiqlHeaders(["abc=", "def="], false));
    expect(scriptSrc(policy)).toBe("script-src 'self' 'sha256-abc=' 'sha256-def='");
  });
});

describe("inline script hashes", () => {
  it("are the base64 SHA-256 of each inline script's text, external scripts left out", async () => {
    // sha256("alert(1)") in base64, as `printf 'alert(1)' | openssl dgst -sha256 -binary | base64` prints it.
    const hashes = await inlineScriptHashes('<script>alert(1)</script><script src="/x.js"></script><script>\n</script>');
    expect(hashes).toEqual(["bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=", "AbpHGcgLb+kRsJGnwFEktk7uzpZOCcBY74+YBdrKVGs="]);
  });

  it("cover both of GraphiQL's inline scripts", async () => {
    expect(await inlineScriptHashes(renderGraphiQLPage({ endpoint: "/graphql" }))).toHaveLength(2);
  });
});

describe("the security headers middleware", () => {
  const appIn = (ENVIRONMENT: GatewayConfig["ENVIRONMENT"]) => {
    const app = new Hono<{ Variables: { config: GatewayConfig } }>();
    app.use((c, next) => {
      c.set("config", { ENVIRONMENT } as GatewayConfig);
      return next();
    });
    app.use(securityHeaders());
    app.get("/json", (c) => c.json({ ok: true }));
    app.get("/page", (c) => c.html(renderGraphiQLPage({ endpoint: "/graphql" })));
    app.get("/boom", () => {
      throw new Error("boom");
    });
    app.onError((_e, c) => c.json({ error: "INTERNAL" }, 500));
    return app;
  };

  it("stamps JSON answers, errors and 404s with the data set", async () => {
    const app = appIn("test");
    for (const path of ["/json", "/boom", "/nowhere"]) {
      const response = await app.request(path);
      expect(response.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("gives an HTML page the CSP of its own inline scripts, and the same body", async () => {
    const response = await appIn("test").request("/page");
    const html = await response.text();
    const hashes = await inlineScriptHashes(html);
    expect(response.headers.get("content-security-policy")).toBe(csp(graphiqlHeaders(hashes, false)));
  });

  it("adds HSTS in production", async () => {
    const app = appIn("production");
    expect((await app.request("/json")).headers.get("strict-transport-security")).toMatch(/^max-age=/);
    expect((await app.request("/page")).headers.get("strict-transport-security")).toMatch(/^max-age=/);
  });
});
