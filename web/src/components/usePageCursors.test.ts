import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { usePageCursors } from "./usePageCursors";

describe("the cursors of the pages seen", () => {
  it("goes forward by end cursor and back by the stack, never before the first page", () => {
    const { result } = renderHook(usePageCursors);
    expect(result.current).toMatchObject({ after: null, isFirst: true });
    act(() => result.current.next("c10"));
    act(() => result.current.next("c20"));
    expect(result.current).toMatchObject({ after: "c20", isFirst: false });
    act(() => result.current.previous());
    expect(result.current.after).toBe("c10");
    act(() => result.current.previous());
    act(() => result.current.previous());
    expect(result.current).toMatchObject({ after: null, isFirst: true });
  });

  it("starts over at the first page on reset", () => {
    const { result } = renderHook(usePageCursors);
    act(() => result.current.next("c10"));
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ after: null, isFirst: true });
  });
});
