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
import { headersFile } from "./security-headers.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
let emptied = true;

export default defineConfig(({ mode }) => ({
  root: here("."),
  plugins: [
    react(),
    {
      // The security headers of every asset response; HSTS in production mode only.
      name: "security-headers",
      generateBundle() {
        this.emitFile({ type: "asset", fileName: "_headers", source: headersFile(mode) });
      },
    },
    {
      // web.md: the build output holds the allow-list (hash -> document) of every document
      // the app sends; .assetsignore keeps it from being served.
      name: "persisted-documents",
      generateBundle() {
        this.emitFile({ type: "asset", fileName: "persisted-documents.json", source: readFileSync(here("src/gql/persisted-documents.json"), "utf8") });
      },
    },
    {
      // Emptying the directory removed GraphiQL's files: written back. npm run dev's rebuilds
      // do not empty it (wrangler dev would reload a half-written directory, see docs/web.md).
      name: "graphiql-assets",
      configResolved(config) {
        emptied = config.build.emptyOutDir !== false;
      },
      closeBundle() {
        if (emptied) writeGraphiqlAssets();
      },
    },
  ],
  build: {
    outDir: here("../workers/gateway/assets"),
    emptyOutDir: true,
    target: "es2022",
    // Vite's modulepreload polyfill is an inline <script> in index.html: a CSP without
    // 'unsafe-inline' blocks it, and every supported browser has modulepreload natively.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // scripts/web-build.ts reads the first page's files from it.
    manifest: true,
    // Everything a file of its own: no data: URIs for the CSP to allow.
    assetsInlineLimit: 0,
  },
  server: {
    // Opt-in only (`npx vite -c web/vite.config.ts`, port 5173, HMR): the dev server injects
    // inline scripts and sends no CSP, so `npm run dev` serves the built app instead
    // (docs/web.md). It forwards the API to the gateway of `npm run dev` (8787).
    proxy: { "/graphql": "http://localhost:8787", "/auth": "http://localhost:8787" },
  },
}));
