import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AUTH_ROUTES } from "../shared/auth-routes.ts";
import { GraphQLErrorCode, HttpErrorStatus } from "../shared/errors.ts";
import { ACCOUNT_CHANGES_PER_ACCOUNT, HASHING_PER_ADDRESS, SESSIONS_PER_ACCOUNT, SESSIONS_PER_ADDRESS } from "../workers/auth/src/limits.ts";

const doc = (name: string) => readFileSync(`docs/${name}`, "utf8");

describe("docs/", () => {
  it("errors.md explains every GraphQL code and every auth code with its status", () => {
    const errors = doc("errors.md");
    for (const code of Object.values(GraphQLErrorCode)) expect(errors, code).toContain(`| \`${code}\` |`);
    for (const [code, status] of Object.entries(HttpErrorStatus)) expect(errors, code).toContain(`| \`${code}\` | ${status} |`);
  });

  it("auth-api.md documents every route with its methods", () => {
    const auth = doc("auth-api.md");
    for (const [path, methods] of Object.entries(AUTH_ROUTES)) for (const method of methods) expect(auth).toContain(`${method} ${path}`);
  });

  it("auth-api.md states the request limits of src/limits.ts", () => {
    const auth = doc("auth-api.md");
    expect(auth).toContain(`| ${HASHING_PER_ADDRESS.max} a minute |`);
    expect(auth).toContain(`| ${SESSIONS_PER_ADDRESS.max} a minute |`);
    expect(auth).toContain(`| ${ACCOUNT_CHANGES_PER_ACCOUNT.max} an hour |`);
    expect(auth).toContain(`| ${SESSIONS_PER_ACCOUNT.max} a minute |`);
  });

  it("web.md keeps a Requests per page row for every page, and the README links it", () => {
    const web = doc("web.md");
    const table = web.slice(web.indexOf("## Requests per page"));
    for (const path of ["/", "/sign-in", "/sign-up", "/search", "/stocks/:symbol", "/watchlist", "/portfolio", "/orders", "/leaderboard", "/settings", "/admin/users"]) {
      expect(table, path).toContain(`| \`${path}\` |`);
    }
    expect(readFileSync("README.md", "utf8")).toContain("](docs/web.md)");
  });
});
