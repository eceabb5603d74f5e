/**
 * graphql-http's conformance audits of the GraphQL-over-HTTP spec, run against the real
 * gateway bundle in workerd, with introspection on as in development. Every MUST passes;
 * the SHOULDs it fails are listed, with the reasons, in workers/gateway/README.md, and
 * asserted here as exactly that list, so a new failure and a fix both show.
 */
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../../../scripts/testing/platform.ts";

/** The failing SHOULD audits, by id (README: "GraphQL over HTTP conformance"). */
const KNOWN_SHOULD_FAILURES: string[] = [];

let platform: Platform;
let url: string;
beforeAll(async () => {
  platform = await startPlatform();
  url = new URL("/graphql", (await platform.harness.listen()).url).href;
});
afterAll(() => platform?.stop());

const audits = serverAudits({
  url: () => url,
  fetchFn: (input: string, init?: RequestInit) => platform.fetch(input, init as never),
});

describe("GraphQL over HTTP (graphql-http audits, real gateway)", () => {
  for (const audit of audits.filter((a) => a.name.startsWith("MUST"))) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status === "ok" ? "ok" : `${result.status}: ${"reason" in result ? result.reason : ""}`).toBe("ok");
    });
  }

  it("fails exactly the SHOULD audits the README lists", async () => {
    const failed: string[] = [];
    for (const audit of audits.filter((a) => a.name.startsWith("SHOULD"))) {
      const result = await audit.fn();
      if (result.status !== "ok") failed.push(audit.id);
    }
    expect(failed).toEqual(KNOWN_SHOULD_FAILURES);
  });
});
