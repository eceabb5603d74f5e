import { parse } from "@0no-co/graphql.web";
import type { TypedDocumentNode } from "@urql/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../app/client";
import { liveTrouble } from "./status";

const HASH = "4f1d3a0b6c2e8f7a9d5b1c3e2f4a6b8d0c9e7f5a3b1d2c4e6f8a0b9c7d5e3f1a";
// As the client preset emits a document: its AST with the persisted hash beside it.
const TickDocument = Object.assign(parse("subscription Tick($symbols: [String!]!) { quotes(symbols: $symbols) { symbol } }"), {
  __meta__: { hash: HASH },
}) as unknown as TypedDocumentNode<{ quotes: { symbol: string } }, { symbols: string[] }>;

class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  close() {
    this.closed = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeEventSource.opened = [];
});

describe("a subscription through the GraphQL client", () => {
  it("is an EventSource GET of /graphql with the document's hash alone, its results the subscription's, its state the indicator's", async () => {
    vi.stubGlobal("EventSource", FakeEventSource);
    const results: unknown[] = [];
    const { unsubscribe } = createClient()
      .subscription(TickDocument, { symbols: ["AAPL"] })
      .subscribe((result) => results.push(result.data));
    await vi.waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    const source = FakeEventSource.opened[0]!;
    const url = new URL(source.url, "https://fafnir.test");
    expect(url.pathname).toBe("/graphql");
    expect(url.searchParams.has("query")).toBe(false);
    expect(JSON.parse(url.searchParams.get("variables")!)).toEqual({ symbols: ["AAPL"] });
    expect(JSON.parse(url.searchParams.get("extensions")!)).toEqual({ persistedQuery: { version: 1, sha256Hash: HASH } });

    source.dispatchEvent(new Event("open"));
    source.dispatchEvent(new MessageEvent("next", { data: JSON.stringify({ data: { quotes: { symbol: "AAPL" } } }) }));
    expect(results).toEqual([{ quotes: { symbol: "AAPL" } }]);
    source.dispatchEvent(new Event("error"));
    expect(liveTrouble("quotes")).toBe("down");

    unsubscribe();
    expect(source.closed).toBe(true);
    expect(liveTrouble("quotes")).toBeUndefined();
  });
});
