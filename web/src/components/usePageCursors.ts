import { useState } from "react";

/**
 * The cursors of the pages seen so far, the current one last (null: the first page), so
 * "Previous page" goes back without the API paging backwards. `reset` starts over at the
 * first page (another filter, say).
 */
export function usePageCursors() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors.at(-1) ?? null,
    isFirst: cursors.length === 1,
    next: (endCursor: string) => setCursors((stack) => [...stack, endCursor]),
    previous: () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    reset: () => setCursors([null]),
  };
}
