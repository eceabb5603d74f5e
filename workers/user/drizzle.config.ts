import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./workers/user/src/db/schema.ts",
  out: "./migrations/user",
});
