/**
 * What a form says about its outcome. A refusal is an alert (announced at once); a success
 * is a status (announced politely). The status region stays in the page while empty, so
 * that screen readers notice when words appear in it.
 */
import styles from "./Notice.module.css";

export function ErrorAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className={styles.alert}>
      {message}
    </p>
  );
}

export function StatusMessage({ message }: { message: string | undefined }) {
  return (
    <p role="status" className={styles.status}>
      {message}
    </p>
  );
}
