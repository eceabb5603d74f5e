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
    ],
  },
});
