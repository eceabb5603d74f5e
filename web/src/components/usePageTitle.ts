import { useEffect } from "react";

/** Each page names itself in the tab and to screen readers announcing the navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Fafnir`;
  }, [title]);
}
