import { defineProject, mergeConfig } from "vitest/config";
import { workerTestProject } from "../../scripts/testing/worker-project.ts";

export default mergeConfig(
  workerTestProject("gateway", { services: ["AUTH", "SECURITY", "USER", "STOCK", "TRADING"] }),
  // A test file's first request imports yoga and graphql through the module runner: about
  // 4 s alone, more while the whole suite runs in parallel.
  defineProject({ test: { testTimeout: 15_000 } }),
);
