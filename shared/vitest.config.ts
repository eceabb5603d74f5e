import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { resolve } from "node:path";
import { defineProject } from "vitest/config";
import { unstable_readConfig } from "wrangler";

// Shared code runs inside the Workers, so its tests run inside workerd too, on their
// compatibility date and flags (one for all five: scripts/worker-configs.test.ts).
const runtime = unstable_readConfig({ config: resolve(import.meta.dirname, "../wrangler.toml") });

export default defineProject({
  plugins: [
    cloudflareTest({
      remoteBindings: false,
      miniflare: { compatibilityDate: runtime.compatibility_date, compatibilityFlags: runtime.compatibility_flags, d1Databases: ["TEST_DB"] },
    }),
  ],
  test: { name: "shared", include: ["**/*.test.ts"] },
});
