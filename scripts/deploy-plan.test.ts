/** What `npm run deploy` creates and sets, read from the real configs. */
import { describe, expect, it } from "vitest";
import { productionVarArgs, queuesOf } from "./deploy-plan.ts";
import { workerNamed, workers } from "./workers.ts";

describe("npm run deploy", () => {
  it("creates trading's events queue and its dead-letter queue before deploying it, and no other Worker needs one", () => {
    expect(queuesOf(workerNamed("trading").config)).toEqual(["fafnir-trading-events", "fafnir-trading-events-dlq"]);
    for (const worker of workers.filter((w) => w.name !== "trading")) expect(queuesOf(worker.config)).toEqual([]);
  });

  it("deploys trading after stock (which it calls) and before auth and the gateway (which call it)", () => {
    const order = workers.map((w) => w.name);
    expect(order.indexOf("trading")).toBeGreaterThan(order.indexOf("stock"));
    expect(order.indexOf("trading")).toBeLessThan(order.indexOf("auth"));
    expect(order.indexOf("trading")).toBeLessThan(order.indexOf("gateway"));
  });

  it("rule: TRADING_HOURS is exchange in production (always in wrangler.toml, for development and tests)", () => {
    expect(productionVarArgs(workerNamed("trading"), "fafnir@abc")).toEqual([
      "--var",
      "ENVIRONMENT:production",
      "--var",
      "TRADING_HOURS:exchange",
      "--var",
      "SENTRY_RELEASE:fafnir@abc",
    ]);
    expect(productionVarArgs(workerNamed("user"), "fafnir@abc")).toEqual(["--var", "ENVIRONMENT:production", "--var", "SENTRY_RELEASE:fafnir@abc"]);
  });
});
