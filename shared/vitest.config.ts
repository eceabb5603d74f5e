import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";

// Shared code runs inside Workers, so its tests run inside workerd too.
export default defineProject({
  plugins: [
    cloudflareTest({
      remoteBindings: false,
      miniflare: { compatibilityDate: "2026-11-01", compatibilityFlags: ["nodejs_compat"], d1Databases: ["TEST_DB"] },
    }),
  ],
  test: { name: "shared", include: ["**/*.test.ts"] },
});
