/**
 * Writes docs/api.md from the gateway's SDL (scripts/api-reference.ts). With --check, fails
 * when docs/api.md is not what the SDL renders to (`npm test` runs it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { renderApiReference } from "./api-reference.ts";

export const SDL_PATH = "workers/gateway/src/graphql/schema.graphql";
export const REFERENCE_PATH = "docs/api.md";

const rendered = renderApiReference(readFileSync(SDL_PATH, "utf8"));
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(REFERENCE_PATH, "utf8");
  } catch {
    // Missing reads as stale.
  }
  if (current !== rendered) {
    console.error(`${REFERENCE_PATH} is stale: run npm run api-docs`);
    process.exit(1);
  }
  console.log(`${REFERENCE_PATH} is up to date`);
} else {
  writeFileSync(REFERENCE_PATH, rendered);
  console.log(`${REFERENCE_PATH} written`);
}
