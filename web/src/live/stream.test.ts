import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { liveUrl, openLiveStream, type LiveState } from "./stream";
import { liveTrouble, reportLiveState } from "./status";

/** An EventSource the test drives: what the server would send, event by event. */
class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  closed = false;
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    super();
    FakeEventSource.opened.push(this);
  }
  close() {
    this.closed = true;
  }
  // As a browser's: a closed EventSource delivers nothing more.
  override dispatchEvent(event: Event) {
    return !this.closed && super.dispatchEvent(event);
  }
  open() {
    this.dispatchEvent(new Event("open"));
  }
  send(type: "next" | "complete", data = "") {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
  drop() {
    this.dispatchEvent(new Event("error"));
  }
}

const latest = () => FakeEventSource.opened.at(-1)!;
const quote = (price: number) => JSON.stringify({ data: { quotes: { symbol: "AAPL", quote: { price } } } });
const refusal = (code: string) => JSON.stringify({ errors: [{ message: "No.", extensions: { code } }] });

function open(refresh = vi.fn(async () => true)) {
  const results: unknown[] = [];
  const states: LiveState[] = [];
  const close = openLiveStream({
    url: "/graphql?variables=%7B%7D",
    onResult: (result) => results.push(result),
    onState: (state) => states.push(state),
    refresh,
    EventSource: FakeEventSource as unknown as typeof EventSource,
    random: () => 1,
  });
  return { results, states, close, refresh };
}

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("a live stream", () => {
  it("puts the request in the GET's parameters: hash and variables, no query when persisted", () => {
    const url = liveUrl("/graphql", {
      operationName: "LiveQuotes",
      variables: { symbols: ["AAPL"] },
      extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } },
    });
    const params = new URL(url, "https://fafnir.test").searchParams;
    expect(params.has("query")).toBe(false);
    expect(JSON.parse(params.get("variables")!)).toEqual({ symbols: ["AAPL"] });
    expect(JSON.parse(params.get("extensions")!)).toEqual({ persistedQuery: { version: 1, sha256Hash: "abc" } });
    expect(liveUrl("/graphql", { query: "subscription { x }" })).toBe("/graphql?query=subscription+%7B+x+%7D");
  });

  it("opens an EventSource with the cookies and hands on each result", () => {
    const { results, states } = open();
    expect(latest().url).toBe("/graphql?variables=%7B%7D");
    expect(latest().init).toEqual({ withCredentials: true });
    latest().open();
    latest().send("next", quote(1));
    latest().send("next", "not json");
    latest().send("next", quote(2));
    expect(results).toEqual([JSON.parse(quote(1)), JSON.parse(quote(2))]);
    expect(states).toEqual(["connecting", "live"]);
  });

  it("reconnects after a drop, 1 s doubling to 30 s while it keeps failing, and from 1 s again once data flowed", () => {
    const { states } = open();
    const gaps: number[] = [];
    for (let failures = 0; failures < 7; failures++) {
      const before = FakeEventSource.opened.length;
      latest().drop();
      expect(latest().closed).toBe(true);
      const started = Date.now();
      while (FakeEventSource.opened.length === before) vi.advanceTimersByTime(100);
      gaps.push(Date.now() - started);
    }
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(states.at(-1)).toBe("down");
    latest().open();
    latest().send("next", quote(1));
    expect(states.at(-1)).toBe("live");
    latest().drop();
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.opened).toHaveLength(8);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.opened).toHaveLength(9);
  });

  it("does not retry a refusal that would be repeated (BAD_USER_INPUT, FORBIDDEN), and passes it on", () => {
    for (const code of ["BAD_USER_INPUT", "FORBIDDEN"]) {
      FakeEventSource.opened = [];
      const { results, states } = open();
      latest().open();
      latest().send("next", refusal(code));
      latest().send("complete");
      vi.advanceTimersByTime(120_000);
      expect(FakeEventSource.opened).toHaveLength(1);
      expect(latest().closed).toBe(true);
      expect(results).toEqual([JSON.parse(refusal(code))]);
      expect(states).toEqual(["connecting", "live", "stopped"]);
    }
  });

  it("retries RATE_LIMITED with back-off, without showing it as a result", () => {
    const { results, states } = open();
    latest().open();
    latest().send("next", refusal("RATE_LIMITED"));
    expect(states.at(-1)).toBe("down");
    vi.advanceTimersByTime(1_000);
    expect(FakeEventSource.opened).toHaveLength(2);
    expect(results).toEqual([]);
  });

  it("after a complete (the token expired) refreshes the session, then reconnects", async () => {
    const { states, refresh } = open();
    latest().open();
    latest().send("complete");
    expect(states.at(-1)).toBe("down");
    expect(refresh).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeEventSource.opened).toHaveLength(2);
    latest().open();
    expect(states.at(-1)).toBe("live");
  });

  it("stops when the session cannot be renewed (signed out), with the error there was", async () => {
    const { results, states } = open(vi.fn(async () => false));
    latest().open();
    latest().send("next", refusal("UNAUTHENTICATED"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(results).toEqual([JSON.parse(refusal("UNAUTHENTICATED"))]);
    expect(states.at(-1)).toBe("stopped");
  });

  it("once closed, opens nothing more", () => {
    const { close } = open();
    latest().drop();
    close();
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.opened).toHaveLength(1);
  });
});

describe("the live state of a topic", () => {
  it("is in trouble while one of its streams is down or stopped, fine once they are live or closed", () => {
    reportLiveState(1, "quotes", "live");
    reportLiveState(2, "quotes", "connecting");
    reportLiveState(3, "orderUpdates", "stopped");
    expect(liveTrouble("quotes")).toBeUndefined();
    reportLiveState(2, "quotes", "down");
    expect(liveTrouble("quotes")).toBe("down");
    expect(liveTrouble("orderUpdates")).toBe("stopped");
    reportLiveState(2, "quotes", "live");
    reportLiveState(3, "orderUpdates", undefined);
    expect(liveTrouble("quotes")).toBeUndefined();
    expect(liveTrouble("orderUpdates")).toBeUndefined();
  });
});
