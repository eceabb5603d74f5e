import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { headersFile } from "../../web/security-headers.ts";
import { webBuildIsStale } from "./web-build-setup.ts";

let dir: string;
const at = (path: string) => join(dir, path);
const touch = (path: string, secondsAgo: number) => {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(at(path), when, when);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fafnir-web-stale-"));
  mkdirSync(at("src/pages"), { recursive: true });
  mkdirSync(at("assets"));
  writeFileSync(at("src/pages/Home.tsx"), "");
  writeFileSync(at("index.html"), "");
  for (const path of ["src/pages/Home.tsx", "src/pages", "src", "index.html"]) touch(path, 60);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stale = () => webBuildIsStale(at("assets"), [at("src"), at("index.html"), at("no-such-file")]);

describe("the web build's staleness", () => {
  it("is stale with no build at all (a fresh clone)", () => {
    expect(stale()).toBe(true);
  });

  it("is current when the production build is newer than every source", () => {
    writeFileSync(at("assets/index.html"), "");
    writeFileSync(at("assets/_headers"), headersFile("production"));
    expect(stale()).toBe(false);
  });

  it("is stale when the build is npm run dev's (development mode: other headers)", () => {
    writeFileSync(at("assets/index.html"), "");
    writeFileSync(at("assets/_headers"), headersFile("development"));
    expect(stale()).toBe(true);
  });

  it("is stale once a source deep under a folder changes after the build", () => {
    writeFileSync(at("assets/index.html"), "");
    writeFileSync(at("assets/_headers"), headersFile("production"));
    touch("assets/index.html", 30);
    touch("src/pages/Home.tsx", 0);
    expect(stale()).toBe(true);
  });
});
