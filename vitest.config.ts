import { defineConfig } from "vitest/config";
import { writeGraphiqlAssets } from "./scripts/graphiql-assets.ts";

// The gateway's config names GraphiQL's assets directory: every Worker run needs it present.
writeGraphiqlAssets();

export default defineConfig({
  test: {
    projects: [
      // Each Worker's own tests, inside workerd against its real migrated D1.
      "workers/*/vitest.config.ts",
      "shared/vitest.config.ts",
      // The web app's unit tests, in happy-dom.
      "web/vitest.config.ts",
      // From Node: the five real Workers together through wrangler's test harness, and
      // checks of the repository's own tooling and configs.
      {
        test: {
          name: "node",
          include: ["workers/*/test/**/*.{integration,node}.test.ts", "web/test/**/*.{integration,node}.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          // Builds the web app when missing or stale: the harness serves what it finds at start.
          globalSetup: ["scripts/testing/web-build-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // Load tests (1,000 live streams...) measure delivery times: they run alone, after
      // every other project, so no other test shares the two cores with them.
      {
        test: {
          name: "load",
          include: ["workers/*/test/**/*.load.test.ts"],
          environment: "node",
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
