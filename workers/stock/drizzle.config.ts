import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./workers/stock/src/db/schema.ts",
  out: "./migrations/stock",
});
