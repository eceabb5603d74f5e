import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./workers/trading/src/db/schema.ts",
  out: "./migrations/trading",
});
