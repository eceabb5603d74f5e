import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LiveStatus } from "./LiveStatus";
import { reportLiveState } from "./status";

afterEach(() => {
  cleanup();
  for (const key of [1, 2]) reportLiveState(key, "", undefined);
});

describe("the 'not live' status", () => {
  it("is an empty status while the streams are live, says what is not live while one is down, and empties again", () => {
    render(<LiveStatus />);
    const status = screen.getByRole("status");
    act(() => reportLiveState(1, "quotes", "live"));
    expect(status.textContent).toBe("");
    act(() => reportLiveState(1, "quotes", "down"));
    expect(status.textContent).toBe("Prices are not live — reconnecting…");
    act(() => reportLiveState(2, "orderUpdates", "stopped"));
    expect(status.textContent).toBe("Prices are not live — reconnecting…Order statuses are not live: reload the page to try again.");
    act(() => {
      reportLiveState(1, "quotes", "live");
      reportLiveState(2, "orderUpdates", undefined);
    });
    expect(status.textContent).toBe("");
  });
});
