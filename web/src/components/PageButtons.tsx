import styles from "./PageButtons.module.css";
import type { usePageCursors } from "./usePageCursors";

/** "Previous page" and "Next page" over a cursor-paginated list (usePageCursors); `label` names the navigation. */
export function PageButtons({ label, cursors, endCursor }: { label: string; cursors: ReturnType<typeof usePageCursors>; endCursor: string | null | undefined }) {
  return (
    <nav className={styles.paging} aria-label={label}>
      <button type="button" disabled={cursors.isFirst} onClick={cursors.previous}>
        Previous page
      </button>
      <button type="button" disabled={!endCursor} onClick={() => endCursor && cursors.next(endCursor)}>
        Next page
      </button>
    </nav>
  );
}
