/** The web app's unit tests: components and the GraphQL client in happy-dom (no Workers). */
import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [react()],
  test: {
    name: "web",
    root: new URL(".", import.meta.url).pathname,
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
  },
});
