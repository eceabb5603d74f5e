import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./workers/security/src/db/schema.ts",
  out: "./migrations/security",
});
