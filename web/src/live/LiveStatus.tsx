/**
 * The "not live" indicator of every signed-in page: a status region, always there so that
 * screen readers announce what appears in it, saying which live data is not following
 * the server while its stream is down.
 */
import { useLiveTrouble } from "./status";
import styles from "./LiveStatus.module.css";

const TOPICS = [
  ["quotes", "Prices"],
  ["orderUpdates", "Order statuses"],
] as const;

export function LiveStatus() {
  return (
    <div role="status">
      {TOPICS.map(([topic, what]) => (
        <Trouble key={topic} topic={topic} what={what} />
      ))}
    </div>
  );
}

function Trouble({ topic, what }: { topic: string; what: string }) {
  const trouble = useLiveTrouble(topic);
  if (!trouble) return null;
  return <p className={styles.notice}>{trouble === "down" ? `${what} are not live — reconnecting…` : `${what} are not live: reload the page to try again.`}</p>;
}
