/**
 * A modal dialog: it opens as it mounts (focus moves into it), Escape closes it as its own
 * "Cancel" does, and focus then returns to the control that opened it (`opener`).
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import styles from "./Dialog.module.css";

export interface DialogProps {
  title: string;
  opener: RefObject<HTMLElement | null>;
  onClose(): void;
  /** The dialog's content; `close` closes it (e.g. its "Cancel" button). */
  children(close: () => void): ReactNode;
}

export function Dialog({ title, opener, onClose, children }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  // Closed first: while the dialog is modal, focus cannot return to the page behind it.
  const close = () => {
    dialog.current?.close();
    onClose();
    opener.current?.focus();
  };
  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={headingId}>{title}</h2>
      {children(close)}
    </dialog>
  );
}
