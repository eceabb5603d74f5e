import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./workers/auth/src/db/schema.ts",
  out: "./migrations/auth",
});
