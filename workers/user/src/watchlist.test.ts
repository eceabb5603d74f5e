import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openDb } from "../../../shared/d1";
import { addSymbol, watchlistQuery } from "./watchlist";

describe("addSymbol", () => {
  it("never takes a list past the cap under concurrent adds in one isolate", async () => {
    const db = openDb(env.USER_DB);
    const userId = crypto.randomUUID();
    const now = () => new Date().toISOString();
    for (const symbol of ["A", "B", "C"]) await addSymbol(db, userId, symbol, 5, now());
    const outcomes = await Promise.all(["D", "E", "F", "G", "H"].map((symbol) => addSymbol(db, userId, symbol, 5, now())));
    expect(outcomes.filter((outcome) => outcome.full)).toHaveLength(3);
    expect(await watchlistQuery(db, userId)).toHaveLength(5);
  });

  it("orders symbols added within one millisecond by insertion", async () => {
    const db = openDb(env.USER_DB);
    const userId = crypto.randomUUID();
    const sameInstant = new Date().toISOString();
    for (const symbol of ["Z", "A", "M"]) await addSymbol(db, userId, symbol, 100, sameInstant);
    expect((await watchlistQuery(db, userId)).map((item) => item.symbol)).toEqual(["Z", "A", "M"]);
  });
});
