import { describe, expect, it } from "vitest";
import { renderGraphiQLPage } from "./graphiql-page";

describe("the GraphiQL page", () => {
  it("loads its scripts and styles from the gateway alone, not a CDN", () => {
    const html = renderGraphiQLPage({ endpoint: "/graphql" });
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"|"(\/[^"]*\.js)"/g)].map((m) => m[1] ?? m[2]);
    expect(urls).toContain("/graphiql/yoga-graphiql.umd.js");
    expect(urls).toContain("/graphiql/graphiql.css");
    expect(urls.every((url) => url!.startsWith("/graphiql/"))).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("writes options into its script so that they cannot close it", () => {
    const html = renderGraphiQLPage({ endpoint: "/graphql", defaultQuery: "</script><script>alert(1)</script>", title: "<b>" });
    expect(html).not.toContain("</script><script>alert(1)");
    expect(html).toContain("<title>&#60;b&#62;</title>");
  });
});
