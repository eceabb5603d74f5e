import { describe, expect, it } from "vitest";
import { ask, codesOf, postGraphQL } from "./testing";

const HEALTH = "{ health { status services { name ok latencyMs } } }";

describe("the response size limit", () => {
  it("refuses an operation whose response could exceed GRAPHQL_MAX_COST bytes, before any resolver runs", async () => {
    const over = await ask(postGraphQL({ query: HEALTH }), { GRAPHQL_MAX_COST: "300" });
    expect(over.response.status).toBe(400);
    expect(over.body.data).toBeUndefined();
    expect(codesOf(over.body)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(over.body.errors?.[0]?.message).toMatch(/^The response could be up to [\d,]+ bytes, over the limit of 300 bytes/);
    // health would have called the (absent) services and logged each failure.
    expect(over.lines.filter((l) => l["message"] === "rpc" || l["message"] === "service unhealthy")).toEqual([]);
  });

  it("answers the refusal with 200 to application/json, as the other limits", async () => {
    const over = await ask(postGraphQL({ query: HEALTH }, { accept: "application/json" }), { GRAPHQL_MAX_COST: "300" });
    expect(over.response.status).toBe(200);
    expect(codesOf(over.body)).toEqual(["QUERY_TOO_COMPLEX"]);
  });

  it("runs an operation within the limit", async () => {
    const within = await ask(postGraphQL({ query: HEALTH }));
    expect(within.body.errors).toBeUndefined();
    expect(within.body.data).toMatchObject({ health: { status: "degraded" } });
  });
});
