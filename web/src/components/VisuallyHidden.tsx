import type { ReactNode } from "react";
import styles from "./VisuallyHidden.module.css";

/** Text for screen readers only, e.g. a label whose field explains itself by its place. */
export function VisuallyHidden({ children, as: Tag = "span", ...rest }: { children: ReactNode; as?: "span" | "label"; htmlFor?: string }) {
  return (
    <Tag className={styles.hidden} {...rest}>
      {children}
    </Tag>
  );
}
