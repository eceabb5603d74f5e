import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", ".wrangler/", "dist/", "workers/gateway/assets/", "**/worker-configuration.d.ts", "workers/worker-runtime.d.ts", "**/*.generated.ts", "web/src/gql/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // With noUncheckedIndexedAccess, `!` marks an index the code has just proven present.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The web app: graphql-js at runtime adds to the first page (parse + print alone: +11 KiB gzip; urql
    // brings its own @0no-co/graphql.web); its types are fine.
    files: ["web/src/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [{ name: "graphql", allowTypeImports: true, message: "No graphql-js in the browser bundle: import types only." }] },
      ],
    },
  },
  {
    // Node tooling may use shared code, never the other way round.
    files: ["shared/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/scripts/**"], message: "shared/ is code the Workers run: it never imports the Node tooling in scripts/." }] },
      ],
    },
  },
);
