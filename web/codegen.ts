/**
 * Typed documents for the web app (GraphQL Code Generator's client preset), from the gateway's
 * SDL. persistedDocuments writes web/src/gql/persisted-documents.json (SHA-256 hex -> document):
 * the allow-list the gateway runs with (GRAPHQL_PERSISTED_QUERIES=allow-list).
 */
import type { CodegenConfig } from "@graphql-codegen/cli";
import { createHash } from "node:crypto";

// Bare hex, as the gateway keys its allow-list (the preset's "sha256" would prefix "sha256:").
const sha256Hex = (document: string) => createHash("sha256").update(document).digest("hex");

const config: CodegenConfig = {
  schema: "workers/gateway/src/graphql/schema.graphql",
  documents: ["web/src/**/*.{ts,tsx}", "!web/src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "web/src/gql/": {
      preset: "client",
      presetConfig: {
        // Fragments only share field lists (e.g. Session): a page reads them as plain data.
        fragmentMasking: false,
        // The AST stays in the bundle (urql reads the operation's kind and name from it); the
        // persisted exchange sends only the hash.
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: sha256Hex },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", Decimal: "string" },
      },
    },
  },
};

export default config;
