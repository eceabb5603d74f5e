/**
 * The web app's build: web/ -> workers/gateway/assets/ (git-ignored), which the gateway
 * serves as Workers static assets. Vite empties that directory first, so GraphiQL's files
 * (scripts/graphiql-assets.ts) are written back into it after the bundle.
 */
import react from "@vitejs/plugin-react";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { writeGraphiqlAssets } from "../scripts/graphiql-assets.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  plugins: [
    react(),
    {
      // web.md: the build output holds the allow-list (hash -> document) of every document
      // the app sends; .assetsignore keeps it from being served.
      name: "persisted-documents",
      generateBundle() {
        this.emitFile({ type: "asset", fileName: "persisted-documents.json", source: readFileSync(here("src/gql/persisted-documents.json"), "utf8") });
      },
    },
    { name: "graphiql-assets", closeBundle: writeGraphiqlAssets },
  ],
  build: {
    outDir: here("../workers/gateway/assets"),
    emptyOutDir: true,
    target: "es2022",
    // Vite's modulepreload polyfill is an inline <script> in index.html: a CSP without
    // 'unsafe-inline' blocks it, and every supported browser has modulepreload natively.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // scripts/web-size.ts reads the first page's files from it.
    manifest: true,
    // Everything a file of its own: no data: URIs for the CSP to allow.
    assetsInlineLimit: 0,
  },
  server: {
    // `vite` alone (5173) forwards the API to the gateway (wrangler dev, 8787).
    proxy: { "/graphql": "http://localhost:8787", "/auth": "http://localhost:8787" },
  },
});
